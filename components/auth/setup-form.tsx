'use client';
import { useActionState, useState } from 'react';
import { IDLE, type PasswordFormState } from '@/lib/password-form-state';
import { NewPasswordFields } from './new-password-fields';
import { PasswordFormDone, PasswordFormFooter } from './password-form-parts';

type Action = (previous: PasswordFormState, form: FormData) => Promise<PasswordFormState>;

export function SetupForm({ token, action }: { token: string; action: Action }) {
  const [state, submit, pending] = useActionState(action, IDLE);
  // Controlled, so a refused password does not also wipe the name and email.
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  if (state.status === 'done') return <PasswordFormDone message={state.message} />;
  return (
    <form action={submit} aria-label="Create the first admin">
      <input type="hidden" name="token" value={token} />
      <div className="field">
        <label htmlFor="setup-name">Your name</label>
        <input
          id="setup-name"
          name="name"
          autoComplete="name"
          maxLength={120}
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="setup-email">Email</label>
        <input
          id="setup-email"
          name="email"
          type="email"
          autoComplete="username"
          maxLength={320}
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <NewPasswordFields idPrefix="setup" />
      <PasswordFormFooter state={state} pending={pending} label="Create admin" pendingLabel="Creating…" />
    </form>
  );
}
