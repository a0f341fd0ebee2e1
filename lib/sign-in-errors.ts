/**
 * Codes the sign-in endpoint puts in next-auth's `error`, and what the login form says for each.
 * Unknown and known accounts share `CredentialsSignin`, and a throttled attempt says the same
 * whichever account it was for.
 */
export const SIGN_IN_ERRORS = {
  wrongCredentials: 'CredentialsSignin',
  tooManyAttempts: 'TooManyAttempts',
  serviceUnavailable: 'ServiceUnavailable',
  failed: 'SignInFailed',
} as const;

/** `TooManyAttempts:<seconds>`: how long until the next attempt will be considered. */
export function tooManyAttemptsCode(retryAfterSeconds: number): string {
  return `${SIGN_IN_ERRORS.tooManyAttempts}:${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

/** What the login form says, as a key of the `auth.errors` messages and its count. */
export type SignInProblem =
  | { key: 'wrongCredentials' | 'serviceUnavailable' | 'failed' }
  | { key: 'tooManySeconds' | 'tooManyMinutes'; count: number };

/** The problem of a failed sign-in, from the code next-auth returned . */
export function signInProblem(code: string | null | undefined): SignInProblem {
  if (code === SIGN_IN_ERRORS.wrongCredentials) return { key: 'wrongCredentials' };
  if (code === SIGN_IN_ERRORS.serviceUnavailable) return { key: 'serviceUnavailable' };
  const throttled = new RegExp(`^${SIGN_IN_ERRORS.tooManyAttempts}:(\\d{1,6})$`).exec(code ?? '');
  if (throttled?.[1]) {
    const seconds = Number(throttled[1]);
    return seconds < 60 ? { key: 'tooManySeconds', count: seconds } : { key: 'tooManyMinutes', count: Math.ceil(seconds / 60) };
  }
  return { key: 'failed' };
}
