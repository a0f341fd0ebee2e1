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

export const SERVICE_UNAVAILABLE_MESSAGE = 'The service is unavailable; try again in a moment.';

/** `TooManyAttempts:<seconds>`: how long until the next attempt will be considered. */
export function tooManyAttemptsCode(retryAfterSeconds: number): string {
  return `${SIGN_IN_ERRORS.tooManyAttempts}:${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** The message for a failed sign-in, from the code next-auth returned. */
export function signInErrorMessage(code: string | null | undefined): string {
  if (code === SIGN_IN_ERRORS.wrongCredentials) return 'Wrong email or password, or the account is not active.';
  if (code === SIGN_IN_ERRORS.serviceUnavailable) return SERVICE_UNAVAILABLE_MESSAGE;
  const throttled = new RegExp(`^${SIGN_IN_ERRORS.tooManyAttempts}:(\\d{1,6})$`).exec(code ?? '');
  if (throttled?.[1]) return `Too many failed sign-ins. Try again in ${waitText(Number(throttled[1]))}.`;
  return 'Sign-in failed; try again in a moment.';
}
