import type { Metadata } from 'next';
import Link from 'next/link';
import { SetPasswordForm } from '@/components/auth/set-password-form';
import { loadPasswordLink } from '@/server/loaders/one-time-links';
import { setPasswordAction } from './actions';

// The token is in the URL: never send it to another site as a referrer.
export const metadata: Metadata = { title: 'Set your password', referrer: 'no-referrer' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Public: whoever holds a live invite or reset link sets that account's password here, once. */
export default async function SetPasswordPage({ searchParams }: Props) {
  const person = await loadPasswordLink(searchParams);
  return (
    <main className="login-wrap">
      <div className="card login-card">
        <h1>Set your password</h1>
        {person ? (
          <>
            <p className="muted">
              For <strong>{person.name}</strong> ({person.email}). Use at least 12 characters; a few unrelated words make a
              strong password that is easy to remember. Setting it signs this account out everywhere.
            </p>
            <SetPasswordForm token={person.token} email={person.email} action={setPasswordAction} />
          </>
        ) : (
          <>
            <p role="alert" className="error">
              This link is not valid: it was already used, has expired or was replaced by a newer one.
            </p>
            <p className="muted">Ask an administrator for a new link.</p>
            <Link href="/login">Go to sign-in</Link>
          </>
        )}
      </div>
    </main>
  );
}
