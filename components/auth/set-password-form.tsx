'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { IDLE, type PasswordFormState } from '@/lib/password-form-state';
import { NewPasswordFields } from './new-password-fields';

type Action = (previous: PasswordFormState, form: FormData) => Promise<PasswordFormState>;

export function SetPasswordForm({ token, email, action }: { token: string; email: string; action: Action }) {
  const [state, submit, pending] = useActionState(action, IDLE);
  if (state.status === 'done') {
    return (
      <div role="status">
        <p>{state.message}</p>
        <Link className="btn" href="/login">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={submit} aria-label="Set your password">
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordFields idPrefix="set" />
      {state.status === 'error' ? (
        <p role="alert" className="error">
          {state.message}
        </p>
      ) : null}
      <button className="btn" type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Set password'}
      </button>
    </form>
  );
}
