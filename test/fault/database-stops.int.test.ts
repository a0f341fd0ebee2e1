import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, queryRows, type DbHandle } from '@/db/client';
import { isConnectionError } from '@/db/connection-errors';
import { compensations, customers, disputeEvents, disputes } from '@/db/schema';
import { importCsv } from '@/server/import/import-csv';
import { CUSTOMER_HEADER, seedBase, TZ } from '@/test/import-run';
import { testRows } from '@/test/factories/metric-rows';
import { issueCredit } from '@/server/services/disputes/credit';
import { disputeWorld } from '@/test/factories/dispute-world';
import { compensateAll } from '@/server/services/outages/compensation';
import { outageWorld } from '@/test/factories/outage-world';
import { putSetting } from '@/server/services/settings';
import { postgresMissing, startOwnPostgres, type OwnPostgres } from '@/test/own-postgres';

/**
 * The PostgreSQL server stops in the middle of the app's largest writes: an import, "compensate
 * all affected" of an outage, a burst of dispute credits. Each must leave nothing half-written,
 * lose nothing the app acknowledged, and work again within RECOVERY_BOUND_MS of the restart.
 */
const RECOVERY_BOUND_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: OwnPostgres;
let admin: postgres.Sql;
const handles: DbHandle[] = [];

/** A migrated database of its own for one scenario, through the app's client. */
async function scenarioDb(name: string): Promise<DbHandle['db']> {
  await admin.unsafe(`create database ${name}`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://' });
  await migrateDatabase(handle);
  handles.push(handle);
  return handle.db;
}

/** Waits until a statement of `database` waits on a lock: the write is then under way, inside its transaction. */
async function untilBlocked(database: string) {
  for (let i = 0; i < 400; i++) {
    const rows = await admin`select 1 from pg_stat_activity where datname = ${database} and wait_event_type = 'Lock'`;
    if (rows.length > 0) return;
    await sleep(25);
  }
  throw new Error(`no statement of ${database} ever waited on the blocker`);
}

/** Milliseconds from now until `attempt` succeeds (it is retried every 50 ms). */
async function timeUntil(attempt: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (;;) {
    try {
      await attempt();
      return performance.now() - started;
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      if (performance.now() - started > 60_000) return Infinity;
      await sleep(50);
    }
  }
}

/** A client that holds a lock in an open transaction until the server stops under it. */
function blocker(database: string) {
  const url = new URL(server.url);
  url.pathname = `/${database}`;
  return postgres(url.toString(), { max: 1, onnotice: () => {} });
}

async function restart(mode: 'fast' | 'immediate') {
  await server.stop(mode);
  await sleep(500);
  await server.start();
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => 'committed',
    (error: unknown) => (isConnectionError(error) ? 'connection lost' : `unexpected: ${String(error)}`),
  );

describe.skipIf(postgresMissing)(
  `PostgreSQL stops mid-write${postgresMissing ? ` (skipped: ${postgresMissing})` : ''}`,
  () => {
    beforeAll(async () => {
      server = await startOwnPostgres();
      admin = postgres(server.url, { max: 1, onnotice: () => {} });
    });

    afterAll(async () => {
      await Promise.all(handles.map((h) => h.close().catch(() => {})));
      await admin?.end({ timeout: 1 }).catch(() => {});
      await server?.destroy();
    });

    async function reconnectAdmin() {
      await admin.end({ timeout: 0 }).catch(() => {});
      admin = postgres(server.url, { max: 1, onnotice: () => {} });
    }

    it('an import cut off mid-file writes no row, and runs whole after the restart', async () => {
      const db = await scenarioDb('fault_import');
      await seedBase(db);
      const rows = Array.from({ length: 5_000 }, (_, i) => `BULK-${i + 1},MAD,2023-01-10,19.90,,,,28001`);
      // The last row updates ACC-2, which the blocker holds: earlier batches are written by then.
      const lines = [CUSTOMER_HEADER, ...rows, 'ACC-2,CAT,2023-02-10,31.90,,,,08001'];
      const file = () => Readable.from([`${lines.join('\n')}\n`]);
      const options = { skipInvalid: false, reportTz: TZ, batchSize: 500 };

      const hold = blocker('fault_import');
      const held = hold
        .begin(async (tx) => {
          await tx`select 1 from customers where account_number = 'ACC-2' for update`;
          await new Promise(() => {});
        })
        .catch(() => {});
      await sleep(100);
      const run = failure(importCsv(db, 'customers', file(), options));
      await untilBlocked('fault_import');
      await restart('immediate');
      await reconnectAdmin();
      expect(await run).toBe('connection lost');
      await held;
      await hold.end({ timeout: 0 });

      const recoverMs = await timeUntil(() => db.select({ id: customers.id }).from(customers).limit(1));
      console.log(`fault: import cut off, recovered ${Math.round(recoverMs)} ms after the restart`);
      expect(recoverMs).toBeLessThan(RECOVERY_BOUND_MS);
      const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from customers`);
      expect(count?.n, 'customers after the cut-off import: only the two of the base').toBe(2);

      const report = await importCsv(db, 'customers', file(), options);
      expect(report.committed).toBe(true);
      const [after] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from customers`);
      expect(after?.n).toBe(5_002);
    });

    it('"compensate all affected" cut off mid-insert credits no one, and credits everyone once after the restart', async () => {
      const db = await scenarioDb('fault_compensation');
      const world = await outageWorld(db);
      const rows = testRows(db);
      await db.execute(sql`insert into customers (account_number, region_code, postcode, activated_at, monthly_fee_cents)
      select 'FLT-' || g, 'MAD', '28001', '2025-01-01T00:00:00Z', 3000 + g from generate_series(1, 3000) g`);
      const outageId = await rows.outage({
        started: '2026-02-01T08:00:00Z',
        resolved: '2026-02-01T20:00:00Z',
        regions: ['MAD'],
      });
      const [outage] = await queryRows<{ ref: string }>(
        db,
        sql`select outage_ref as ref from outages where id = ${outageId}`,
      );
      const ref = outage?.ref ?? '';
      const [last] = await queryRows<{ id: number }>(
        db,
        sql`select max(id)::int as id from customers where region_code = 'MAD'`,
      );

      // The blocker credits the last customer first and waits: the run's insert stops at that row.
      const hold = blocker('fault_compensation');
      const held = hold
        .begin(async (tx) => {
          await tx`insert into compensations (comp_ref, customer_id, kind, amount_cents, issued_at, outage_id)
          values ('CP-BLOCKER', ${last?.id ?? 0}, 'outage_credit', 1, now(), ${outageId})`;
          await new Promise(() => {});
        })
        .catch(() => {});
      await sleep(100);
      const run = failure(compensateAll(db, world.people.manager, { ref }));
      await untilBlocked('fault_compensation');
      await restart('fast');
      await reconnectAdmin();
      expect(await run).toBe('connection lost');
      await held;
      await hold.end({ timeout: 0 });

      const credits = () =>
        queryRows<{ n: number }>(db, sql`select count(*)::int as n from compensations where outage_id = ${outageId}`);
      const recoverMs = await timeUntil(() => credits());
      console.log(`fault: compensation cut off, recovered ${Math.round(recoverMs)} ms after the restart`);
      expect(recoverMs).toBeLessThan(RECOVERY_BOUND_MS);
      expect((await credits())[0]?.n, 'credits left by the cut-off run').toBe(0);

      const done = await compensateAll(db, world.people.manager, { ref });
      expect(done.created).toBeGreaterThanOrEqual(3_000);
      expect((await credits())[0]?.n).toBe(done.created);
      expect((await compensateAll(db, world.people.manager, { ref })).created).toBe(0);
    });

    it('a burst of credits cut off by a crash keeps every acknowledged credit and no half of one', async () => {
      const db = await scenarioDb('fault_credits');
      const w = await disputeWorld(db);
      await putSetting(db, 'repCreditLimitPerCaseCents', 1_000_000);
      await putSetting(db, 'repCreditLimitPerMonthCents', 100_000_000);
      const refs: string[] = [];
      for (let i = 0; i < 24; i++) refs.push(await w.dispute({ undue: true, amount: 1_000_000 }));

      const acknowledged: string[] = [];
      const unexpected: unknown[] = [];
      let running = true;
      const burst = refs.map(async (ref) => {
        let version = 1;
        while (running) {
          try {
            const result = await issueCredit(db, w.people.nationalManager, {
              ref,
              version,
              amountCents: 100,
              reason: 'burst',
            });
            if (result.outcome === 'issued') acknowledged.push(result.compRef);
            version = result.version;
          } catch (error) {
            if (!isConnectionError(error)) {
              // The version moved under a lost acknowledgement: read it again.
              version = (await w.row(ref).catch(() => ({ version }))).version;
              if (!String(error).includes('changed')) unexpected.push(error);
            }
            await sleep(20);
          }
        }
      });

      await sleep(1_500);
      const before = acknowledged.length;
      await server.stop('immediate');
      await sleep(500);
      await server.start();
      const restarted = acknowledged.length;
      const recoverMs = await timeUntil(async () => {
        const count = acknowledged.length;
        while (acknowledged.length === count) await sleep(20);
      });
      console.log(
        `fault: credit burst cut off after ${before} credits, next credit ${Math.round(recoverMs)} ms after the restart`,
      );
      await sleep(1_000);
      running = false;
      await Promise.all(burst);
      await reconnectAdmin();

      expect(before).toBeGreaterThan(0);
      expect(acknowledged.length, 'credits acknowledged after the restart').toBeGreaterThan(restarted);
      expect(recoverMs).toBeLessThan(RECOVERY_BOUND_MS);
      expect(unexpected).toEqual([]);

      const stored = await db
        .select({ compRef: compensations.compRef })
        .from(compensations)
        .where(eq(compensations.kind, 'dispute_credit'));
      const storedRefs = new Set(stored.map((c) => c.compRef));
      expect(
        acknowledged.filter((r) => !storedRefs.has(r)),
        'acknowledged credits that are missing',
      ).toEqual([]);

      // Every credit is whole: its compensation, the dispute's total and version, and its event.
      for (const ref of refs) {
        const row = await w.row(ref);
        const [sums] = await queryRows<{ n: number; cents: number }>(
          db,
          sql`select count(*)::int as n, coalesce(sum(amount_cents), 0)::int as cents from compensations where dispute_id = ${row.id}`,
        );
        const events = await db
          .select({ id: disputeEvents.id })
          .from(disputeEvents)
          .where(and(eq(disputeEvents.disputeId, row.id), eq(disputeEvents.kind, 'credit_issued')));
        expect({ ref, credited: row.creditedAmountCents, events: events.length, version: row.version }).toEqual({
          ref,
          credited: sums?.cents,
          events: sums?.n,
          version: (sums?.n ?? 0) + 1,
        });
      }
      expect(await db.$count(disputes)).toBe(refs.length);
    });
  },
);
