'use client';
import { signIn } from 'next-auth/react';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';

/** Only same-site paths, so a crafted link cannot bounce a user elsewhere after sign-in. */
function safeCallback(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') ? value : '/';
}

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
    const result = await signIn('credentials', {
      email: fieldText(form, 'email'),
      password: fieldText(form, 'password'),
      redirect: false,
    });
    if (!result?.ok) {
      setPending(false);
      setError('Wrong email or password, or the account is not active.');
      return;
    }
    router.replace(safeCallback(searchParams.get('callbackUrl')));
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
