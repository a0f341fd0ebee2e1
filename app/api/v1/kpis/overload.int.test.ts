import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrateDatabase, openDatabase, type Db, type DbHandle } from '@/db/client';
import { users } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session-user';
import { STATEMENT_TIMEOUT_MESSAGE } from '@/server/http/failures';
import { heavyLimiter, OVERLOADED_MESSAGE } from '@/server/http/heavy-limit';
import { testRows } from '@/test/factories/metric-rows';

/**
 * Overload behaviour of the figure endpoints on a real PostgreSQL server (TEST_DATABASE_URL):
 * an abandoned request's query is cancelled on the server, a query past the statement timeout
 * answers the app's message, and a saturated limiter answers 503 at once.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const state = vi.hoisted((): { user: SessionUser | null; db: Db | null } => ({ user: null, db: null }));
vi.mock('@/server/auth/session', () => ({ getSessionUser: () => Promise.resolve(state.user) }));
vi.mock('@/server/db', () => ({ getDb: () => Promise.resolve(state.db), getReadDb: () => Promise.resolve(state.db) }));

const { GET } = await import('./route');
const { appRouter } = await import('@/server/api/root');

const manager: SessionUser = { id: 1, email: 'boss@t.test', name: 'Boss', role: 'manager', regionCode: null };
const QUERY = 'from=2024-01-01&to=2024-12-31';

function get(signal?: AbortSignal) {
  return GET(new Request(`http://localhost/api/v1/kpis?${QUERY}`, { signal }));
}

describe.skipIf(!serverUrl)('figure requests under overload (PostgreSQL server)', () => {
  const name = `holdfast_test_${crypto.randomBytes(6).toString('hex')}`;
  let admin: postgres.Sql;
  let url: string;
  let app: DbHandle;
  let locker: postgres.Sql;

  /** The app's queries of this database that are running (or waiting for a lock) right now. */
  async function running(): Promise<{ pid: number; wait: string | null }[]> {
    return admin<{ pid: number; wait: string | null }[]>`
      select pid, wait_event_type as wait from pg_stat_activity
      where datname = ${name} and state = 'active' and application_name = 'holdfast' and query ilike '%from "settings"%'`;
  }

  async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return check();
  }

  /** Holds an exclusive lock on settings, which every figure request reads first: its query waits (and stays visible) until released. */
  async function lockSettings(): Promise<() => Promise<void>> {
    let release = () => {};
    const released = new Promise<void>((r) => (release = r));
    let locked = () => {};
    const isLocked = new Promise<void>((r) => (locked = r));
    const done = locker.begin(async (tx) => {
      await tx`lock table settings in access exclusive mode`;
      locked();
      await released;
    });
    await isLocked;
    return async () => {
      release();
      await done;
    };
  }

  beforeAll(async () => {
    admin = postgres(serverUrl ?? '', { onnotice: () => {}, max: 1 });
    await admin.unsafe(`create database ${name}`);
    const u = new URL(serverUrl ?? '');
    u.pathname = `/${name}`;
    url = u.toString();
    app = await openDatabase({ databaseUrl: url, dataDir: 'memory://' });
    await migrateDatabase(app);
    state.db = app.db;
    state.user = manager;
    const rows = testRows(app.db);
    await rows.region('MAD');
    const adminId = await rows.user('root@t.test', 'admin');
    await app.db.update(users).set({ passwordHash: 'not-a-real-hash' }).where(eq(users.id, adminId));
    manager.id = await rows.user('boss@t.test', 'manager');
    await rows.customer({ region: 'MAD', activated: '2023-01-01T00:00:00Z' });
    locker = postgres(url, { onnotice: () => {}, max: 1 });
  });
  afterAll(async () => {
    await locker?.end();
    await app?.close();
    await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });

  it('answers with the figures when nothing is in the way', async () => {
    const response = await get();
    expect(response.status).toBe(200);
  });

  it('cancels the query on the server when the client goes away', async () => {
    const unlock = await lockSettings();
    try {
      const client = new AbortController();
      const answer = get(client.signal);
      // The request's query reached the server and waits there for the lock.
      expect(await until(async () => (await running()).length > 0, 10_000)).toBe(true);
      client.abort();
      // Still locked: only a cancellation can take the query off the server.
      expect(await until(async () => (await running()).length === 0, 5_000)).toBe(true);
      expect((await answer).status).toBe(503);
    } finally {
      await unlock();
    }
  });

  it('without the client going away the same query keeps waiting (what the test above relies on)', async () => {
    const unlock = await lockSettings();
    try {
      const answer = get();
      expect(await until(async () => (await running()).length > 0, 10_000)).toBe(true);
      await new Promise((r) => setTimeout(r, 1_000));
      expect((await running()).length).toBeGreaterThan(0);
      await unlock();
      expect((await answer).status).toBe(200);
    } finally {
      await unlock();
    }
  });

  it('stops a query past the statement timeout and answers the app’s message, no SQL', async () => {
    const limited = await openDatabase({ databaseUrl: url, dataDir: 'memory://', statementTimeoutMs: 300 });
    state.db = limited.db;
    const unlock = await lockSettings();
    try {
      const started = Date.now();
      const response = await get();
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(response.status).toBe(503);
      expect(response.headers.get('Retry-After')).toMatch(/^\d+$/);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body).toEqual({ error: { code: 'timeout', message: STATEMENT_TIMEOUT_MESSAGE } });
      expect(body.error.message).not.toMatch(/statement|select|customers/i);
    } finally {
      await unlock();
      state.db = app.db;
      await limited.close();
    }
  });

  it('answers 503 with Retry-After at once while the limiter is saturated, and serves again after', async () => {
    const limiter = heavyLimiter();
    let open = () => {};
    const gate = new Promise<void>((r) => (open = r));
    const holders = Array.from({ length: limiter.concurrency + limiter.queue }, () => limiter.run(() => gate));
    try {
      expect(limiter.load).toEqual({ running: limiter.concurrency, waiting: limiter.queue });
      const started = Date.now();
      const response = await get();
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(response.status).toBe(503);
      expect(response.headers.get('Retry-After')).toMatch(/^\d+$/);
      expect(await response.json()).toEqual({ error: { code: 'overloaded', message: OVERLOADED_MESSAGE } });
      // The dashboard's procedures share the limit.
      const caller = appRouter.createCaller({ db: app.db, session: manager });
      await expect(
        caller.dashboard.kpis({ from: '2024-01-01', to: '2024-01-31', region: null, rep: null }),
      ).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: OVERLOADED_MESSAGE });
    } finally {
      open();
      await Promise.all(holders);
    }
    expect(limiter.load).toEqual({ running: 0, waiting: 0 });
    expect((await get()).status).toBe(200);
  });
});
