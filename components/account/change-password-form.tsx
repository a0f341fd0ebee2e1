'use client';
import { useMutation } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { NewPasswordFields } from '@/components/auth/new-password-fields';
import { formText } from '@/lib/password-form-state';
import { useTRPC } from '@/lib/trpc/react';

/** Changing one's password ends every session, this one too, so the user signs in again with it. */
export function ChangePasswordForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const t = useTranslations('account.password');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: async () => {
        setDone(true);
        await signOut({ callbackUrl: '/login' });
      },
      onError: (error) => {
        const fieldErrors: Record<string, string[] | undefined> = error.data?.zodError?.fieldErrors ?? {};
        setProblem(Object.values(fieldErrors).flat()[0] ?? error.message);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = formText(form, 'password');
    if (newPassword !== formText(form, 'confirm')) {
      setProblem(t('mismatch'));
      return;
    }
    setProblem(null);
    change.mutate({ currentPassword: formText(form, 'current'), newPassword });
  }

  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('heading')}</h2>
      <p className="muted">{t('intro')}</p>
      {done ? (
        <p role="status">{t('done')}</p>
      ) : (
        <form onSubmit={submit} aria-label={t('formLabel')}>
          <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
          <div className="field">
            <label htmlFor="account-current">{t('current')}</label>
            <input id="account-current" name="current" type="password" autoComplete="current-password" required />
          </div>
          <NewPasswordFields idPrefix="account" />
          {problem ? (
            <p role="alert" className="error">
              {problem}
            </p>
          ) : null}
          <button className="btn" type="submit" disabled={change.isPending}>
            {change.isPending ? t('submitting') : t('submit')}
          </button>
        </form>
      )}
    </section>
  );
}
