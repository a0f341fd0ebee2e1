'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { IDLE, type PasswordFormState } from '@/lib/password-form-state';
import { NewPasswordFields } from './new-password-fields';
import { PasswordFormDone, PasswordFormFooter } from './password-form-parts';

type Action = (previous: PasswordFormState, form: FormData) => Promise<PasswordFormState>;

export function SetPasswordForm({ token, email, action }: { token: string; email: string; action: Action }) {
  const t = useTranslations('auth.setPassword');
  const [state, submit, pending] = useActionState(action, IDLE);
  if (state.status === 'done') return <PasswordFormDone message={state.message} />;
  return (
    <form action={submit} aria-label={t('formLabel')}>
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordFields idPrefix="set" />
      <PasswordFormFooter state={state} pending={pending} label={t('submit')} pendingLabel={t('submitting')} />
    </form>
  );
}
