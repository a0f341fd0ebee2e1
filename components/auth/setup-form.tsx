'use client';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { IDLE, type PasswordFormState } from '@/lib/password-form-state';
import { NewPasswordFields } from './new-password-fields';
import { PasswordFormDone, PasswordFormFooter } from './password-form-parts';

type Action = (previous: PasswordFormState, form: FormData) => Promise<PasswordFormState>;

export function SetupForm({ token, action }: { token: string; action: Action }) {
  const t = useTranslations('auth.setup');
  const [state, submit, pending] = useActionState(action, IDLE);
  // Controlled, so a refused password does not also wipe the name and email.
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  if (state.status === 'done') return <PasswordFormDone message={state.message} />;
  return (
    <form action={submit} aria-label={t('formLabel')}>
      <input type="hidden" name="token" value={token} />
      <div className="field">
        <label htmlFor="setup-name">{t('name')}</label>
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
        <label htmlFor="setup-email">{t('email')}</label>
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
      <PasswordFormFooter state={state} pending={pending} label={t('submit')} pendingLabel={t('submitting')} />
    </form>
  );
}
