import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { DemoLogins } from '@/components/auth/demo-logins';
import { LoginForm } from '@/components/auth/login-form';
import { getSessionUser } from '@/server/auth/session';
import { getDb } from '@/server/db';
import { getSettings } from '@/server/services/settings';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage() {
  if (await getSessionUser()) redirect('/');
  const { demoData } = await getSettings(await getDb());
  return (
    <main className="login-wrap">
      <div className="card login-card">
        <h1>Holdfast</h1>
        <p className="muted">Care operations — sign in to continue.</p>
        <LoginForm />
        {demoData ? <DemoLogins /> : null}
      </div>
    </main>
  );
}
