import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { DemoLogins } from '@/components/auth/demo-logins';
import { SetupPending } from '@/components/auth/setup-pending';
import { LoginForm } from '@/components/auth/login-form';
import { getSessionUser } from '@/server/auth/session';
import { loadShowDemoLogins } from '@/server/loaders/login-page';
import { loadSetupNeeded } from '@/server/loaders/setup-state';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.login');
  return { title: t('title') };
}

export default async function LoginPage() {
  if (await loadSetupNeeded()) return <SetupPending />;
  if (await getSessionUser()) redirect('/');
  const demoLogins = await loadShowDemoLogins();
  const [t, tc] = await Promise.all([getTranslations('auth.login'), getTranslations('common')]);
  return (
    <main className="login-wrap">
      <div className="card login-card">
        <h1>{tc('appName')}</h1>
        <p className="muted">{t('tagline')}</p>
        <LoginForm />
        {demoLogins ? <DemoLogins /> : null}
      </div>
    </main>
  );
}
