import 'server-only';
import type { Db } from '@/db/client';
import { SIGN_IN_ERRORS, tooManyAttemptsCode } from '@/lib/sign-in-errors';
import { isDatabaseUnavailable } from '../http/database-unavailable';
import { beginLoginAttempt, markLoginSucceeded, pruneLoginAttempts } from './login-throttle';
import type { SessionUser } from './session-user';
import { authenticate } from './users';
import { startBrowserSession } from './user-sessions';

export interface PasswordSignIn {
  email: string;
  password: string;
  /** The client's address (server/auth/client-ip.ts), or 'unknown'. */
  ip: string;
  userAgent: string | null;
}

export type SignInResult = { ok: true; user: SessionUser; sessionId: string } | { ok: false; error: string };

const PRUNE_EVERY_MS = 10 * 60_000;
let nextPruneAt = 0;

/**
 * A password sign-in, throttled per account and per address; on success a new server-side
 * session. The `error` is one of lib/sign-in-errors.ts; an unreachable database is told apart
 * from wrong credentials, so nobody is sent to reset a password that was right.
 */
export async function signInWithPassword(db: Db, attempt: PasswordSignIn, now = new Date()): Promise<SignInResult> {
  try {
    const decision = await beginLoginAttempt(db, attempt.email, attempt.ip, now);
    if (!decision.allowed) return { ok: false, error: tooManyAttemptsCode(decision.retryAfterSeconds) };
    const user = await authenticate(db, attempt.email, attempt.password);
    if (now.getTime() >= nextPruneAt) {
      nextPruneAt = now.getTime() + PRUNE_EVERY_MS;
      await pruneLoginAttempts(db, now);
    }
    if (!user) return { ok: false, error: SIGN_IN_ERRORS.wrongCredentials };
    await markLoginSucceeded(db, decision.attemptId);
    const sessionId = await startBrowserSession(db, user.id, { ip: attempt.ip, userAgent: attempt.userAgent }, now);
    return { ok: true, user, sessionId };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { ok: false, error: SIGN_IN_ERRORS.serviceUnavailable };
    throw error;
  }
}
