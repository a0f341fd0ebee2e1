import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { SetupForm } from '@/components/auth/setup-form';
import { loadSetupLink } from '@/server/loaders/one-time-links';
import { setupAction } from './actions';

// The token is in the URL: never send it to another site as a referrer.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.setup');
  return { title: t('title'), referrer: 'no-referrer' };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Public: the setup link printed at start-up creates the first admin, once. */
export default async function SetupPage({ searchParams }: Props) {
  const link = await loadSetupLink(searchParams);
  const t = await getTranslations('auth');
  return (
    <main className="login-wrap">
      <div className="card login-card">
        <h1>{t('setup.title')}</h1>
        {link.state === 'done' ? (
          <>
            <p>{t('setup.alreadyDone')}</p>
            <Link href="/login">{t('goToSignIn')}</Link>
          </>
        ) : link.state === 'live' ? (
          <>
            <p className="muted">{t('setup.intro')}</p>
            <SetupForm token={link.token} action={setupAction} />
          </>
        ) : (
          <>
            <p role="alert" className="error">
              {t('setup.invalid')}
            </p>
            <p className="muted">{t('setup.restart')}</p>
          </>
        )}
      </div>
    </main>
  );
}
