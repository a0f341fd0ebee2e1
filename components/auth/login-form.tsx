'use client';
import { signIn } from 'next-auth/react';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { safeCallbackPath } from '@/lib/safe-callback';
import { SERVICE_UNAVAILABLE_MESSAGE, signInErrorMessage } from '@/lib/sign-in-errors';

function fieldText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export function LoginForm() {
  const router = useRouter();
  const searchParams = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    let result: Awaited<ReturnType<typeof signIn>>;
    try {
      result = await signIn('credentials', {
        email: fieldText(form, 'email'),
        password: fieldText(form, 'password'),
        redirect: false,
      });
    } catch {
      // The server answered with something other than next-auth's JSON, or not at all.
      result = undefined;
    }
    if (!result?.ok) {
      setPending(false);
      setError(result ? signInErrorMessage(result.error) : SERVICE_UNAVAILABLE_MESSAGE);
      return;
    }
    // Only a path on this site, so a crafted link cannot bounce the user elsewhere after sign-in.
    router.replace(safeCallbackPath(searchParams.get('callbackUrl'), window.location.origin));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} aria-label="Sign in">
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <button className="btn" type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
