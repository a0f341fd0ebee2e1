'use client';
import { useMutation } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useTRPC } from '@/lib/trpc/react';

/** Ends every browser session of the user, on every device; API tokens keep working. */
export function SignOutEverywhere() {
  const trpc = useTRPC();
  const t = useTranslations('account.everywhere');
  const end = useMutation(
    trpc.account.signOutEverywhere.mutationOptions({ onSuccess: () => signOut({ callbackUrl: '/login' }) }),
  );
  return (
    <section className="card" aria-labelledby="everywhere-heading">
      <h2 id="everywhere-heading">{t('heading')}</h2>
      <p className="muted">{t('intro')}</p>
      {end.isError ? (
        <p role="alert" className="error">
          {end.error.message}
        </p>
      ) : null}
      <button type="button" className="btn btn-ghost" disabled={end.isPending} onClick={() => end.mutate()}>
        {t('submit')}
      </button>
    </section>
  );
}
