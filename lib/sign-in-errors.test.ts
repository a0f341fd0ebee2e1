import { describe, expect, it } from 'vitest';
import { SERVICE_UNAVAILABLE_MESSAGE, signInErrorMessage, tooManyAttemptsCode } from './sign-in-errors';

describe('signInErrorMessage', () => {
  it('says the same for any wrong credentials', () => {
    expect(signInErrorMessage('CredentialsSignin')).toBe('Wrong email or password, or the account is not active.');
  });

  it('tells an unavailable database apart from wrong credentials', () => {
    expect(signInErrorMessage('ServiceUnavailable')).toBe(SERVICE_UNAVAILABLE_MESSAGE);
    expect(SERVICE_UNAVAILABLE_MESSAGE).toBe('The service is unavailable; try again in a moment.');
  });

  it('says how long to wait when throttled, in seconds or whole minutes', () => {
    expect(signInErrorMessage(tooManyAttemptsCode(1))).toBe('Too many failed sign-ins. Try again in 1 second.');
    expect(signInErrorMessage(tooManyAttemptsCode(7.2))).toBe('Too many failed sign-ins. Try again in 8 seconds.');
    expect(signInErrorMessage(tooManyAttemptsCode(61))).toBe('Too many failed sign-ins. Try again in 2 minutes.');
    expect(signInErrorMessage(tooManyAttemptsCode(0))).toBe('Too many failed sign-ins. Try again in 1 second.');
  });

  it('shows a generic message for anything else, never the raw code', () => {
    for (const code of [null, undefined, '', 'Callback', 'TooManyAttempts', 'TooManyAttempts:x', 'Failed query: select 1']) {
      expect(signInErrorMessage(code)).toBe('Sign-in failed; try again in a moment.');
    }
  });
});
