'use client';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { safeCallbackPath } from '@/lib/safe-callback';
import { signInProblem, type SignInProblem } from '@/lib/sign-in-errors';

function fieldText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export function LoginForm() {
  const t = useTranslations('auth');
  const router = useRouter();
  const searchParams = useSearchParams();
  const [error, setError] = useState<SignInProblem | null>(null);
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
      setError(result ? signInProblem(result.error) : { key: 'serviceUnavailable' });
      return;
    }
    // Only a path on this site, so a crafted link cannot bounce the user elsewhere after sign-in.
    router.replace(safeCallbackPath(searchParams.get('callbackUrl'), window.location.origin));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} aria-label={t('login.formLabel')}>
      <div className="field">
        <label htmlFor="email">{t('login.email')}</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor="password">{t('login.password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {error ? (
        <p role="alert" className="error">
          {'count' in error ? t(`errors.${error.key}`, { count: error.count }) : t(`errors.${error.key}`)}
        </p>
      ) : null}
      <button className="btn" type="submit" disabled={pending}>
        {pending ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
