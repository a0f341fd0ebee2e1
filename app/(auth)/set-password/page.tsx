import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { SetPasswordForm } from '@/components/auth/set-password-form';
import { loadPasswordLink } from '@/server/loaders/one-time-links';
import { setPasswordAction } from './actions';

// The token is in the URL: never send it to another site as a referrer.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.setPassword');
  return { title: t('title'), referrer: 'no-referrer' };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Public: whoever holds a live invite or reset link sets that account's password here, once. */
export default async function SetPasswordPage({ searchParams }: Props) {
  const person = await loadPasswordLink(searchParams);
  const t = await getTranslations('auth');
  return (
    <main className="login-wrap">
      <div className="card login-card">
        <h1>{t('setPassword.title')}</h1>
        {person ? (
          <>
            <p className="muted">
              {t.rich('setPassword.intro', {
                name: person.name,
                email: person.email,
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </p>
            <SetPasswordForm token={person.token} email={person.email} action={setPasswordAction} />
          </>
        ) : (
          <>
            <p role="alert" className="error">
              {t('setPassword.invalid')}
            </p>
            <p className="muted">{t('setPassword.askAdmin')}</p>
            <Link href="/login">{t('goToSignIn')}</Link>
          </>
        )}
      </div>
    </main>
  );
}
