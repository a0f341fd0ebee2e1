import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userSessions, users } from '@/db/schema';
import { createTestDb, type TestDb } from '@/test/db';
import { authenticateApiToken, createApiToken } from './api-tokens';
import {
  endAllSessionsOf,
  endBrowserSession,
  endBrowserSessionsOf,
  liveSessionUser,
  startBrowserSession,
} from './user-sessions';

const LIMITS = { sessionIdleMinutes: 30, sessionAbsoluteHours: 12 };
const T0 = new Date('2026-03-02T08:00:00Z').getTime();
const minutes = (n: number) => new Date(T0 + n * 60_000);
const client = { ip: '192.0.2.1', userAgent: 'vitest' };

let t: TestDb;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestDb();
  const rows = await t.db
    .insert(users)
    .values(['ana', 'ben', 'cat', 'dan', 'eve'].map((name) => ({ email: `${name}@example.test`, name, role: 'analyst' as const })))
    .returning({ id: users.id, name: users.name });
  for (const r of rows) ids[r.name] = r.id;
});
afterAll(async () => {
  await t.close();
});

function id(name: string): number {
  const value = ids[name];
  if (value === undefined) throw new Error(`no user ${name}`);
  return value;
}

async function lastSeen(userId: number): Promise<Date | undefined> {
  const [row] = await t.db.select({ at: userSessions.lastSeenAt }).from(userSessions).where(eq(userSessions.userId, userId));
  return row?.at;
}

describe('liveSessionUser', () => {
  it('accepts a fresh session only together with its own user id', async () => {
    const sessionId = await startBrowserSession(t.db, id('ana'), client, minutes(0));
    expect(await liveSessionUser(t.db, { sessionId, userId: id('ana') }, LIMITS, minutes(1))).toMatchObject({
      id: id('ana'),
      role: 'analyst',
    });
    expect(await liveSessionUser(t.db, { sessionId, userId: id('ben') }, LIMITS, minutes(1))).toBeNull();
    expect(await liveSessionUser(t.db, { sessionId: 'not-a-session', userId: id('ana') }, LIMITS, minutes(1))).toBeNull();
  });

  it('ends after the idle limit, and each visit (at most one write a minute) moves the limit', async () => {
    const userId = id('ben');
    const sessionId = await startBrowserSession(t.db, userId, client, minutes(0));
    const session = { sessionId, userId };
    expect(await liveSessionUser(t.db, session, LIMITS, new Date(T0 + 30_000))).not.toBeNull();
    expect(await lastSeen(userId)).toEqual(minutes(0));
    expect(await liveSessionUser(t.db, session, LIMITS, minutes(29))).not.toBeNull();
    expect(await lastSeen(userId)).toEqual(minutes(29));
    expect(await liveSessionUser(t.db, session, { ...LIMITS, sessionIdleMinutes: 5 }, minutes(35))).toBeNull();
    expect(await liveSessionUser(t.db, session, LIMITS, minutes(58))).not.toBeNull();
    expect(await liveSessionUser(t.db, session, LIMITS, minutes(88))).toBeNull();
    // A refused visit records nothing, so it cannot revive the session.
    expect(await lastSeen(userId)).toEqual(minutes(58));
  });

  it('ends after the absolute lifetime, however busy the user is', async () => {
    const userId = id('cat');
    const sessionId = await startBrowserSession(t.db, userId, client, minutes(0));
    const session = { sessionId, userId };
    for (let m = 20; m < 12 * 60; m += 20) {
      expect(await liveSessionUser(t.db, session, LIMITS, minutes(m))).not.toBeNull();
    }
    expect(await liveSessionUser(t.db, session, LIMITS, minutes(12 * 60 + 1))).toBeNull();
    expect(await liveSessionUser(t.db, session, { ...LIMITS, sessionAbsoluteHours: 24 }, minutes(12 * 60 + 1))).not.toBeNull();
  });

  it("refuses an ended session and leaves the user's other sessions alone", async () => {
    const userId = id('dan');
    const signedOut = await startBrowserSession(t.db, userId, client, minutes(0));
    const other = await startBrowserSession(t.db, userId, client, minutes(0));
    await endBrowserSession(t.db, signedOut);
    expect(await liveSessionUser(t.db, { sessionId: signedOut, userId }, LIMITS, minutes(1))).toBeNull();
    expect(await liveSessionUser(t.db, { sessionId: other, userId }, LIMITS, minutes(1))).not.toBeNull();
  });

  it('refuses the sessions of a deactivated user', async () => {
    const userId = id('eve');
    const sessionId = await startBrowserSession(t.db, userId, client, minutes(0));
    await t.db.update(users).set({ active: false }).where(eq(users.id, userId));
    expect(await liveSessionUser(t.db, { sessionId, userId }, LIMITS, minutes(1))).toBeNull();
    await t.db.update(users).set({ active: true }).where(eq(users.id, userId));
  });
});

describe('ending all sessions of a user', () => {
  it('"sign out everywhere" ends every browser session but keeps API tokens', async () => {
    const userId = id('ana');
    const sessions = [await startBrowserSession(t.db, userId, client), await startBrowserSession(t.db, userId, client)];
    const token = await createApiToken(t.db, userId, 'reports');
    const bystander = await startBrowserSession(t.db, id('ben'), client);
    await endBrowserSessionsOf(t.db, userId);
    for (const sessionId of sessions) expect(await liveSessionUser(t.db, { sessionId, userId }, LIMITS)).toBeNull();
    expect(await authenticateApiToken(t.db, token.token)).not.toBeNull();
    expect(await liveSessionUser(t.db, { sessionId: bystander, userId: id('ben') }, LIMITS)).not.toBeNull();
  });

  it('a password change ends the browser sessions and revokes the API tokens', async () => {
    const userId = id('dan');
    const sessionId = await startBrowserSession(t.db, userId, client);
    const token = await createApiToken(t.db, userId, 'scripts');
    await endAllSessionsOf(t.db, userId);
    expect(await liveSessionUser(t.db, { sessionId, userId }, LIMITS)).toBeNull();
    expect(await authenticateApiToken(t.db, token.token)).toBeNull();
  });
});
