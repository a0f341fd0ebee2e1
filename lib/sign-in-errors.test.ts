import { describe, expect, it } from 'vitest';
import { translatorFor } from '@/i18n/translator';
import { signInProblem, tooManyAttemptsCode, type SignInProblem } from './sign-in-errors';

const en = translatorFor('en', 'auth');
const es = translatorFor('es', 'auth');
const say = (t: typeof en, p: SignInProblem) => ('count' in p ? t(`errors.${p.key}`, { count: p.count }) : t(`errors.${p.key}`));
const message = (code: string | null | undefined) => say(en, signInProblem(code));

describe('signInProblem', () => {
  it('says the same for any wrong credentials', () => {
    expect(message('CredentialsSignin')).toBe('Wrong email or password, or the account is not active.');
  });

  it('tells an unavailable database apart from wrong credentials', () => {
    expect(message('ServiceUnavailable')).toBe('The service is unavailable; try again in a moment.');
  });

  it('says how long to wait when throttled, in seconds or whole minutes', () => {
    expect(message(tooManyAttemptsCode(1))).toBe('Too many failed sign-ins. Try again in 1 second.');
    expect(message(tooManyAttemptsCode(7.2))).toBe('Too many failed sign-ins. Try again in 8 seconds.');
    expect(message(tooManyAttemptsCode(61))).toBe('Too many failed sign-ins. Try again in 2 minutes.');
    expect(message(tooManyAttemptsCode(0))).toBe('Too many failed sign-ins. Try again in 1 second.');
    expect(say(es, signInProblem(tooManyAttemptsCode(61)))).toBe(
      'Demasiados intentos fallidos. Vuelve a intentarlo dentro de 2 minutos.',
    );
  });

  it('shows a generic message for anything else, never the raw code', () => {
    for (const code of [null, undefined, '', 'Callback', 'TooManyAttempts', 'TooManyAttempts:x', 'Failed query: select 1']) {
      expect(message(code)).toBe('Sign-in failed; try again in a moment.');
    }
  });
});
