'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

/**
 * next-auth's sign-out, without loading `next-auth/react` (about 10 kB compressed) on every page:
 * the same two requests its `signOut()` makes, then the login page.
 */
async function signOut(callbackUrl: string): Promise<void> {
  const csrf = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken?: string };
  await fetch('/api/auth/signout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken ?? '', callbackUrl, json: 'true' }),
  });
  window.location.href = callbackUrl;
}

export function SignOutButton() {
  const t = useTranslations('shell');
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-ghost"
      disabled={pending}
      onClick={() => {
        setPending(true);
        // A failed request leaves the user signed in; the button works again.
        void signOut('/login').catch(() => setPending(false));
      }}
    >
      {t('signOut')}
    </button>
  );
}
