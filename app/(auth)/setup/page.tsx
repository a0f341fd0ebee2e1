import type { Metadata } from 'next';
import Link from 'next/link';
import { SetupForm } from '@/components/auth/setup-form';
import { loadSetupLink } from '@/server/loaders/one-time-links';
import { setupAction } from './actions';

// The token is in the URL: never send it to another site as a referrer.
export const metadata: Metadata = { title: 'Set up Holdfast', referrer: 'no-referrer' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Public: the setup link printed at start-up creates the first admin, once. */
export default async function SetupPage({ searchParams }: Props) {
  const link = await loadSetupLink(searchParams);
  return (
    <main className="login-wrap">
      <div className="card login-card">
        <h1>Set up Holdfast</h1>
        {link.state === 'done' ? (
          <>
            <p>Holdfast is already set up.</p>
            <Link href="/login">Go to sign-in</Link>
          </>
        ) : link.state === 'live' ? (
          <>
            <p className="muted">
              Create the first administrator. They add the other staff accounts on the Users page. Use a password of at
              least 12 characters; a few unrelated words make a strong one.
            </p>
            <SetupForm token={link.token} action={setupAction} />
          </>
        ) : (
          <>
            <p role="alert" className="error">
              This setup link is not valid: it was already used, has expired or a newer one was printed.
            </p>
            <p className="muted">Restart the server to print a new setup link.</p>
          </>
        )}
      </div>
    </main>
  );
}
