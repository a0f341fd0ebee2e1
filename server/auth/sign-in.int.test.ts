import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import * as schema from '@/db/schema';
import { loginAttempts, userSessions, users } from '@/db/schema';
import { createTestDb, type TestDb } from '@/test/db';
import { LOGIN_THROTTLE, pruneLoginAttempts } from './login-throttle';
import { hashPassword } from './password';
import { signInWithPassword, type SignInResult } from './sign-in';

const PASSWORD = 'correct horse battery';
const T0 = new Date('2026-03-02T09:00:00Z').getTime();
const at = (seconds: number) => new Date(T0 + seconds * 1000);

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  const hash = await hashPassword(PASSWORD);
  await t.db.insert(users).values(
    ['known', 'delay', 'reset', 'ipcap', 'burst', 'session'].map((name) => ({
      email: `${name}@example.test`,
      name,
      role: 'rep' as const,
      passwordHash: hash,
    })),
  );
});
afterAll(async () => {
  await t.close();
});

function attempt(email: string, password: string, ip: string, now: Date): Promise<SignInResult> {
  return signInWithPassword(t.db, { email, password, ip, userAgent: 'vitest' }, now);
}

const errorOf = (result: SignInResult) => (result.ok ? 'ok' : result.error);

describe('sign-in throttling per account', () => {
  it('answers a known and an unknown account alike, and refuses the 11th try even with the right password', async () => {
    const known: string[] = [];
    const unknown: string[] = [];
    // 61 s apart, so the progressive delay never applies and only the cap does.
    for (let i = 0; i < 11; i++) {
      known.push(errorOf(await attempt('known@example.test', 'wrong password', '10.0.0.1', at(i * 61))));
      unknown.push(errorOf(await attempt('nobody@example.test', 'wrong password', '10.0.0.2', at(i * 61))));
    }
    expect(known).toEqual(unknown);
    expect(known.slice(0, 10)).toEqual(Array(10).fill('CredentialsSignin'));
    expect(known[10]).toMatch(/^TooManyAttempts:\d+$/);

    const rightButCapped = await attempt('Known@Example.test ', PASSWORD, '10.0.0.9', at(11 * 61));
    expect(rightButCapped.ok).toBe(false);
    // The first counted failure was at 0 s; the cap lifts when it leaves the 15-minute window.
    expect(errorOf(rightButCapped)).toBe(`TooManyAttempts:${15 * 60 - 11 * 61}`);
    expect(errorOf(await attempt('known@example.test', PASSWORD, '10.0.0.9', at(15 * 60 + 1)))).toBe('ok');
  });

  it('never records a refused attempt, so a locked account stays at the cap', async () => {
    const rows = await t.db.select().from(loginAttempts).where(eq(loginAttempts.email, 'nobody@example.test'));
    expect(rows).toHaveLength(LOGIN_THROTTLE.accountMaxFailures);
    expect(rows.every((r) => !r.succeeded)).toBe(true);
  });

  it('makes each attempt after the third failure wait twice as long as the one before', async () => {
    const email = 'delay@example.test';
    for (let i = 0; i < 3; i++) expect(errorOf(await attempt(email, 'wrong', '10.0.1.1', at(i)))).toBe('CredentialsSignin');
    expect(errorOf(await attempt(email, PASSWORD, '10.0.1.1', at(2)))).toBe('TooManyAttempts:1');
    expect(errorOf(await attempt(email, 'wrong', '10.0.1.1', at(3)))).toBe('CredentialsSignin');
    expect(errorOf(await attempt(email, 'wrong', '10.0.1.1', at(4)))).toBe('TooManyAttempts:1');
    expect(errorOf(await attempt(email, 'wrong', '10.0.1.1', at(5)))).toBe('CredentialsSignin');
    expect(errorOf(await attempt(email, PASSWORD, '10.0.1.1', at(6)))).toBe('TooManyAttempts:3');
    expect(errorOf(await attempt(email, PASSWORD, '10.0.1.1', at(9)))).toBe('ok');
  });

  it('starts the account count afresh after a successful sign-in', async () => {
    const email = 'reset@example.test';
    for (let i = 0; i < 9; i++) await attempt(email, 'wrong', '10.0.2.1', at(i * 61));
    expect(errorOf(await attempt(email, PASSWORD, '10.0.2.1', at(9 * 61)))).toBe('ok');
    expect(errorOf(await attempt(email, 'wrong', '10.0.2.1', at(9 * 61 + 1)))).toBe('CredentialsSignin');
    expect(errorOf(await attempt(email, 'wrong', '10.0.2.1', at(9 * 61 + 2)))).toBe('CredentialsSignin');
  });

  it('lets at most a few of a burst of parallel guesses through', async () => {
    const now = at(0);
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt('burst@example.test', 'wrong', '10.0.3.1', now)));
    const checked = results.filter((r) => errorOf(r) === 'CredentialsSignin');
    expect(checked.length).toBeLessThanOrEqual(LOGIN_THROTTLE.freeFailures);
    expect(results.filter((r) => errorOf(r).startsWith('TooManyAttempts:'))).toHaveLength(20 - checked.length);
    const rows = await t.db.select().from(loginAttempts).where(eq(loginAttempts.email, 'burst@example.test'));
    expect(rows).toHaveLength(checked.length);
    // The refused part of the burst left nothing behind: the owner can still sign in.
    expect(errorOf(await attempt('burst@example.test', PASSWORD, '10.0.3.2', at(61)))).toBe('ok');
  });
});

describe('sign-in throttling per address', () => {
  it('refuses every account from an address over its cap, and a success there resets nothing', async () => {
    const ip = '203.0.113.7';
    // 99 failures spread over many accounts, none of them near its own cap.
    await t.db.insert(loginAttempts).values(
      Array.from({ length: LOGIN_THROTTLE.ipMaxFailures - 1 }, (_, i) => ({
        email: `spray${i % 40}@example.test`,
        ip,
        succeeded: false,
        at: at(i),
      })),
    );
    expect(errorOf(await attempt('spray-last@example.test', 'wrong', ip, at(200)))).toBe('CredentialsSignin');
    // The 100th failure was from this address: now even the right password of another account is refused.
    expect(errorOf(await attempt('ipcap@example.test', PASSWORD, ip, at(201)))).toBe(`TooManyAttempts:${15 * 60 - 201}`);
    // Elsewhere the same account signs in, and that success does not lift the address's cap.
    expect(errorOf(await attempt('ipcap@example.test', PASSWORD, '198.51.100.1', at(202)))).toBe('ok');
    expect(errorOf(await attempt('ipcap@example.test', PASSWORD, ip, at(203)))).toMatch(/^TooManyAttempts:/);
    // Once the first failure leaves the window, the address may try again.
    expect(errorOf(await attempt('ipcap@example.test', PASSWORD, ip, at(15 * 60 + 1)))).toBe('ok');
  });
});

describe('a successful sign-in', () => {
  it('opens a server-side session that stores only the hash of its id', async () => {
    const result = await attempt('session@example.test', PASSWORD, '192.0.2.44', at(0));
    if (!result.ok) throw new Error(`expected a session, got ${result.error}`);
    expect(result.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await t.db.select().from(userSessions).where(eq(userSessions.userId, result.user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ip: '192.0.2.44', userAgent: 'vitest', revokedAt: null });
    expect(rows[0]?.idHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.idHash).not.toContain(result.sessionId);
  });
});

describe('pruning', () => {
  it('deletes attempts older than a day and keeps the rest', async () => {
    const now = at(10 * 86_400);
    await t.db.insert(loginAttempts).values([
      { email: 'old@example.test', ip: '10.9.9.9', succeeded: false, at: new Date(now.getTime() - 25 * 3_600_000) },
      { email: 'new@example.test', ip: '10.9.9.9', succeeded: false, at: new Date(now.getTime() - 60_000) },
    ]);
    expect(await pruneLoginAttempts(t.db, now)).toBeGreaterThan(0);
    const left = await t.db.select({ email: loginAttempts.email }).from(loginAttempts);
    expect(left).toEqual([{ email: 'new@example.test' }]);
  });
});

describe('an unreachable database', () => {
  it('is reported as the service being unavailable, not as wrong credentials', async () => {
    // A real driver against a port where nothing listens: the connection is refused.
    const client = postgres('postgres://holdfast@127.0.0.1:9/holdfast', { max: 1, connect_timeout: 2, onnotice: () => {} });
    const down = drizzle({ client, schema }) as unknown as Db;
    try {
      expect(await signInWithPassword(down, { email: 'known@example.test', password: PASSWORD, ip: '10.0.0.1', userAgent: null })).toEqual({
        ok: false,
        error: 'ServiceUnavailable',
      });
    } finally {
      await client.end({ timeout: 1 });
    }
  });
});
