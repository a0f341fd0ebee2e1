import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { DemoLogins } from '@/components/auth/demo-logins';
import { SetupPending } from '@/components/auth/setup-pending';
import { LoginForm } from '@/components/auth/login-form';
import { getSessionUser } from '@/server/auth/session';
import { loadShowDemoLogins } from '@/server/loaders/login-page';
import { loadSetupNeeded } from '@/server/loaders/setup-state';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage() {
  if (await loadSetupNeeded()) return <SetupPending />;
  if (await getSessionUser()) redirect('/');
  const demoLogins = await loadShowDemoLogins();
  return (
    <main className="login-wrap">
      <div className="card login-card">
        <h1>Holdfast</h1>
        <p className="muted">Care operations — sign in to continue.</p>
        <LoginForm />
        {demoLogins ? <DemoLogins /> : null}
      </div>
    </main>
  );
}
