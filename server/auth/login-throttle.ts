import 'server-only';
import { and, desc, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { loginAttempts } from '@/db/schema';

/**
 * Failed sign-ins count over a sliding window. Per account: after a few failures each further
 * attempt waits a doubling delay, and the cap refuses every attempt (even with the right password)
 * until the oldest counted failure leaves the window, so an account sees at most
 * `accountMaxFailures` guesses per window (40 an hour, under ASVS 2.2.1's 100). A success clears
 * the account's count but not the address's, so an attacker with an account of their own cannot
 * reset the per-address cap. Refused attempts are not kept: they tested no password. Unknown
 * accounts are counted exactly like known ones, so the answers tell nothing about which exist.
 */
export const LOGIN_THROTTLE = {
  windowMinutes: 15,
  accountMaxFailures: 10,
  /** Higher than per account: offices and call centres share one address. */
  ipMaxFailures: 100,
  /** Failures on the account before the delay starts: 1 s, then 2, 4, … up to `maxDelaySeconds`. */
  freeFailures: 3,
  maxDelaySeconds: 60,
  /** Rows older than this are pruned; longer than the window, for a day of history. */
  keepHours: 24,
} as const;

export type AttemptDecision = { allowed: true; attemptId: number } | { allowed: false; retryAfterSeconds: number };

/** The account key: the address as typed, trimmed and lower-cased, whether or not the account exists. */
export function throttleKey(email: string): string {
  return email.trim().toLowerCase().slice(0, 320);
}

/** Progressive delay after the given number of recent failures on one account, in seconds. */
export function delayAfterFailures(failures: number): number {
  if (failures < LOGIN_THROTTLE.freeFailures) return 0;
  return Math.min(2 ** (failures - LOGIN_THROTTLE.freeFailures), LOGIN_THROTTLE.maxDelaySeconds);
}

/**
 * Starts a sign-in attempt: records it as a failure first and then counts the others, so a burst
 * of parallel guesses cannot all pass the check before any of them is recorded. A refused attempt
 * is removed again; an allowed one is marked by `markLoginSucceeded` if the password was right.
 */
export async function beginLoginAttempt(db: Db, email: string, ip: string, now = new Date()): Promise<AttemptDecision> {
  const [own] = await db
    .insert(loginAttempts)
    .values({ email: throttleKey(email), ip, succeeded: false, at: now })
    .returning({ id: loginAttempts.id });
  if (!own) throw new Error('login attempt not recorded');
  const retryAfterSeconds = await secondsToWait(db, throttleKey(email), ip, own.id, now);
  if (retryAfterSeconds === 0) return { allowed: true, attemptId: own.id };
  await db.delete(loginAttempts).where(eq(loginAttempts.id, own.id));
  return { allowed: false, retryAfterSeconds };
}

export async function markLoginSucceeded(db: Db, attemptId: number): Promise<void> {
  await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
}

/** How long the other recorded attempts say this one must wait; 0 when it may go ahead. */
async function secondsToWait(db: Db, email: string, ip: string, ownId: number, now: Date): Promise<number> {
  const windowMs = LOGIN_THROTTLE.windowMinutes * 60_000;
  const windowStart = new Date(now.getTime() - windowMs);
  const recent = await db
    .select({ at: loginAttempts.at, succeeded: loginAttempts.succeeded })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), gt(loginAttempts.at, windowStart), ne(loginAttempts.id, ownId)))
    .orderBy(desc(loginAttempts.at), desc(loginAttempts.id))
    .limit(LOGIN_THROTTLE.accountMaxFailures);
  const lastSuccess = recent.findIndex((r) => r.succeeded);
  const failures = lastSuccess === -1 ? recent : recent.slice(0, lastSuccess);

  // Instants (ms) before which the attempt is refused.
  const waits = [0];
  const capped = failures[LOGIN_THROTTLE.accountMaxFailures - 1];
  if (capped) waits.push(capped.at.getTime() + windowMs);
  const latest = failures[0];
  if (latest) waits.push(latest.at.getTime() + delayAfterFailures(failures.length) * 1000);

  const [ipCapped] = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, windowStart), ne(loginAttempts.id, ownId)))
    .orderBy(desc(loginAttempts.at), desc(loginAttempts.id))
    .offset(LOGIN_THROTTLE.ipMaxFailures - 1)
    .limit(1);
  if (ipCapped) waits.push(ipCapped.at.getTime() + windowMs);

  const until = Math.max(...waits);
  return until <= now.getTime() ? 0 : Math.ceil((until - now.getTime()) / 1000);
}

/** Deletes attempts too old to count for anything; returns how many. */
export async function pruneLoginAttempts(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - LOGIN_THROTTLE.keepHours * 3_600_000);
  const rows = await db.delete(loginAttempts).where(lt(loginAttempts.at, cutoff)).returning({ id: loginAttempts.id });
  return rows.length;
}
