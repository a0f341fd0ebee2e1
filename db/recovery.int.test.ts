import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, queryRows, type DbHandle } from './client';
import { isConnectionError } from './connection-errors';
import { regions } from './schema';
import { postgresMissing, startOwnPostgres, type OwnPostgres } from '@/test/own-postgres';

const RECOVERY_BOUND_MS = 10_000;
const FAIL_FAST_BOUND_MS = 2_000;
const RESTARTS = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads and writes in a loop (half the workers in multi-statement transactions, the case that
 * poisoned postgres.js connections), recording every write the database acknowledged.
 */
function startLoad(db: DbHandle['db'], workers: number) {
  let running = true;
  let next = 0;
  const acknowledged: number[] = [];
  const unexpected: unknown[] = [];
  const loop = async (worker: number) => {
    while (running) {
      try {
        if (worker % 2 === 0) {
          await db.select().from(regions);
          await queryRows(db, sql`select count(*) from fault_writes`);
        } else {
          const n = ++next;
          await db.transaction(async (tx) => {
            await tx.execute(sql`insert into fault_writes (n, payload) values (${n}, ${'x'.repeat(200)})`);
            await tx.execute(sql`select pg_sleep(0.005)`);
            await tx.execute(sql`update fault_writes set payload = 'done' where n = ${n}`);
          });
          acknowledged.push(n);
        }
      } catch (error) {
        if (!isConnectionError(error)) unexpected.push(error);
        await sleep(20);
      }
    }
  };
  const done = Promise.all(Array.from({ length: workers }, (_, i) => loop(i)));
  return {
    acknowledged,
    unexpected,
    async stop() {
      running = false;
      await done;
    },
  };
}

/** Milliseconds until 20 parallel reads and a write transaction all succeed. */
async function timeToRecover(db: DbHandle['db']): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 60_000) {
    const attempts = [
      ...Array.from({ length: 20 }, () => db.select().from(regions)),
      db.transaction((tx) =>
        tx.execute(sql`insert into fault_writes (n, payload) values (-1, 'probe') on conflict do nothing`),
      ),
    ];
    const results = await Promise.allSettled(attempts);
    if (results.every((r) => r.status === 'fulfilled')) return performance.now() - started;
    await sleep(50);
  }
  return Infinity;
}

async function timeToFail(db: DbHandle['db']): Promise<{ ms: number; unavailable: boolean }> {
  const started = performance.now();
  try {
    await db.select().from(regions);
    return { ms: performance.now() - started, unavailable: false };
  } catch (error) {
    return { ms: performance.now() - started, unavailable: isConnectionError(error) };
  }
}

describe.skipIf(postgresMissing)(
  `PostgreSQL restarts under load${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`,
  () => {
    let server: OwnPostgres;
    let handle: DbHandle;

    beforeAll(async () => {
      server = await startOwnPostgres();
      handle = await openDatabase({ databaseUrl: server.url, dataDir: 'memory://' });
      await migrateDatabase(handle);
      await handle.db.execute(sql`create table fault_writes (n integer primary key, payload text not null)`);
    });

    afterAll(async () => {
      await handle?.close().catch(() => {});
      await server?.destroy();
    });

    it(
      `recovers within ${RECOVERY_BOUND_MS / 1000} s of every restart, ${RESTARTS} in a row, losing no acknowledged write`,
      { timeout: 600_000 },
      async () => {
        const load = startLoad(handle.db, 16);
        const measured: Array<{ mode: string; failMs: number; recoverMs: number }> = [];
        try {
          for (let i = 0; i < RESTARTS; i++) {
            await sleep(400);
            const mode = i % 2 === 0 ? 'fast' : 'immediate';
            await server.stop(mode);
            await sleep(300);
            const down = await timeToFail(handle.db);
            expect(down.unavailable, 'a query while the server is down fails as "unavailable"').toBe(true);
            await sleep(700);
            await server.start();
            const recoverMs = await timeToRecover(handle.db);
            measured.push({ mode, failMs: Math.round(down.ms), recoverMs: Math.round(recoverMs) });
            expect(down.ms).toBeLessThan(FAIL_FAST_BOUND_MS);
            expect(recoverMs, `restart ${i + 1} (${mode})`).toBeLessThan(RECOVERY_BOUND_MS);
          }
        } finally {
          await load.stop();
          console.log(`restarts: ${JSON.stringify(measured)}`);
        }
        expect(load.unexpected).toEqual([]);
        const stored = await queryRows<{ n: number; payload: string }>(
          handle.db,
          sql`select n, payload from fault_writes where n > 0`,
        );
        const byN = new Map(stored.map((r) => [r.n, r.payload]));
        expect(load.acknowledged.length).toBeGreaterThan(0);
        expect(
          load.acknowledged.filter((n) => byN.get(n) !== 'done'),
          'acknowledged writes that are missing or half-written',
        ).toEqual([]);
        expect(
          stored.filter((r) => r.payload !== 'done'),
          'rows of a transaction that did not commit whole',
        ).toEqual([]);
      },
    );
  },
);
