import path from 'node:path';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Db } from '@/db/client';
import { importFixtureDirectory } from '@/server/import/load-fixture';
import { createTestDb, type TestDb } from '@/test/db';
import { computeKpis, type Kpis } from '../kpis';
import { rebuildRollups } from './state';

const FIXTURE_DIR = path.join(import.meta.dirname, '..', 'fixtures', 'sample');
const BASIS = { tz: 'Europe/Madrid', disputeSlaHours: 72 };
const SETTINGS = { reportTz: BASIS.tz, disputeSlaHours: BASIS.disputeSlaHours, commTargetMinutes: 30 };

/** Every rollup row with a non-zero measure, in one order: what the triggers kept or a rebuild wrote. */
async function snapshot(db: Db): Promise<unknown[]> {
  return queryRows(
    db,
    sql`select 'c' as t, to_jsonb(x) as row from rollup_customers x where joined <> 0 or joined_fees_cents <> 0 or churned <> 0 or churned_fees_cents <> 0
      union all select 'r', to_jsonb(x) from rollup_retention x where cases <> 0 or kept_mrr_cents <> 0 or offer_cost_cents <> 0
      union all select 'd', to_jsonb(x) from rollup_disputes x where disputes <> 0 or disputed_cents <> 0 or credited_cents <> 0
      union all select 'k', to_jsonb(x) from rollup_compensations x where count <> 0 or amount_cents <> 0
      order by 1, 2`,
  );
}

/** The n-th row id of a table (wrapping), so generated numbers always name an existing row. */
const nth = (table: string, n: number) =>
  sql`(select id from ${sql.raw(table)} order by id offset (${n} % (select count(*) from ${sql.raw(table)})) limit 1)`;

/** Writes of the kinds the services and the importer make, aimed at random rows. */
const write = fc.oneof(
  fc.record({ kind: fc.constant('moveCustomer' as const), n: fc.nat(), region: fc.nat() }),
  fc.record({ kind: fc.constant('churnCustomer' as const), n: fc.nat(), days: fc.integer({ min: 0, max: 400 }) }),
  fc.record({ kind: fc.constant('fee' as const), n: fc.nat(), cents: fc.integer({ min: 0, max: 20_000 }) }),
  fc.record({
    kind: fc.constant('resolveDispute' as const),
    n: fc.nat(),
    hours: fc.integer({ min: 0, max: 200 }),
    undue: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('reopenDispute' as const), n: fc.nat() }),
  fc.record({ kind: fc.constant('assignDispute' as const), n: fc.nat(), user: fc.nat() }),
  fc.record({
    kind: fc.constant('closeCase' as const),
    n: fc.nat(),
    saved: fc.boolean(),
    hours: fc.integer({ min: 0, max: 2000 }),
  }),
  fc.record({ kind: fc.constant('creditCase' as const), n: fc.nat(), cents: fc.integer({ min: 1, max: 9_000 }) }),
  fc.record({ kind: fc.constant('dropCompensation' as const), n: fc.nat() }),
);
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

async function apply(db: Db, w: Write, i: number): Promise<void> {
  switch (w.kind) {
    case 'moveCustomer':
      await db.execute(sql`update customers set region_code = (select code from regions order by code offset (${w.region} % (select count(*) from regions)) limit 1),
        postcode = null where id = ${nth('customers', w.n)}`);
      return;
    case 'churnCustomer':
      await db.execute(sql`update customers set churned_at = activated_at + make_interval(days => ${w.days}), churn_category = 'price'
        where id = ${nth('customers', w.n)}`);
      return;
    case 'fee':
      await db.execute(sql`update customers set monthly_fee_cents = ${w.cents} where id = ${nth('customers', w.n)}`);
      return;
    case 'resolveDispute':
      await db.execute(sql`update disputes set status = 'resolved', undue_charge = ${w.undue}, credited_amount_cents = ${w.hours * 10},
        resolved_at = opened_at + make_interval(hours => ${w.hours}) where id = ${nth('disputes', w.n)}`);
      return;
    case 'reopenDispute':
      await db.execute(sql`update disputes set status = 'investigating' where id = ${nth('disputes', w.n)}`);
      return;
    case 'assignDispute':
      await db.execute(sql`update disputes set assigned_to_id = (select id from users order by id offset (${w.user} % (select count(*) from users)) limit 1)
        where id = ${nth('disputes', w.n)}`);
      return;
    case 'closeCase':
      await db.execute(sql`update retention_cases set outcome = ${w.saved ? 'saved' : 'churned'},
        closed_at = opened_at + make_interval(hours => ${w.hours}) where id = ${nth('retention_cases', w.n)}`);
      return;
    case 'creditCase':
      await db.execute(sql`insert into compensations (comp_ref, customer_id, kind, amount_cents, issued_at, issued_by_id, retention_case_id)
        select ${`PROP-${Date.now()}-${i}`}, r.customer_id, 'retention_offer', ${w.cents}, r.opened_at, r.rep_id, r.id
        from retention_cases r where r.id = ${nth('retention_cases', w.n)}`);
      return;
    case 'dropCompensation':
      await db.execute(sql`delete from compensations where id = ${nth('compensations', w.n)}`);
      return;
  }
}

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await importFixtureDirectory(t.db, FIXTURE_DIR, BASIS.tz);
  await rebuildRollups(t.db, BASIS);
}, 900_000);
afterAll(async () => {
  await t?.close();
});

describe('rollups kept by the triggers', () => {
  it('equal a rebuild from the base tables after any sequence of writes, and serve the same figures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 12 }), async (writes) => {
        for (const [i, w] of writes.entries()) await apply(t.db, w, i);
        const kept = await snapshot(t.db);
        const query = { from: '2024-01-01', to: '2024-06-30', region: null, rep: null, settings: SETTINGS };
        const served: Kpis = await computeKpis(t.db, query);
        await rebuildRollups(t.db, BASIS);
        expect(kept).toEqual(await snapshot(t.db));
        expect(served).toEqual(await computeKpis(t.db, query));
      }),
      { numRuns: 8 },
    );
  }, 900_000);
});
