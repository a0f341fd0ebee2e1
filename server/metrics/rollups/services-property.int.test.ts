import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, type Db } from '@/db/client';
import { previousPeriod } from '@/lib/periods';
import type { Role } from '@/lib/vocabularies';
import type { SessionUser } from '@/server/auth/session-user';
import { ApiError } from '@/server/http/api-error';
import { closeRetentionCase, openRetentionCase } from '@/server/services/retention-calls';
import { bulkReassign } from '@/server/services/disputes/bulk';
import { issueCredit } from '@/server/services/disputes/credit';
import { decideCreditRequest } from '@/server/services/disputes/credit-requests';
import { escalateToRetention } from '@/server/services/disputes/escalate';
import { recordFinding } from '@/server/services/disputes/record-progress';
import { transitionDispute } from '@/server/services/disputes/transition';
import { compensateAll } from '@/server/services/outages/compensation';
import { createOutage } from '@/server/services/outages/create';
import { recordMilestone } from '@/server/services/outages/milestones';
import { createTestDb, type TestDb } from '@/test/db';
import { importLines } from '@/test/import-run';
import {
  oracleDisputesByRep,
  oracleKpis,
  oracleMonthlyByCauseAndKind,
  oracleMonthlyChurnByRegion,
  oracleMovers,
  oracleRetentionPage,
  oracleSeries,
  type OracleQuery,
} from '@/test/metric-oracle';
import { compensationByKindMonthly } from '../compensation-breakdowns';
import { monthlyChurnByRegion } from '../churn-breakdowns';
import { disputesByRep, disputesOpenedByCauseMonthly } from '../dispute-breakdowns';
import { computeKpis } from '../kpis';
import { trailingMonths } from '../month-range';
import { biggestMovers } from '../movers';
import { retentionBreakdowns } from '../retention-breakdowns';
import { monthlySeries } from '../series';

/**
 * Random sequences of writes made THROUGH THE SERVICES (imports, dispute work, retention calls,
 * credits and their approval, outages and their compensation), on a small seeded database, at
 * instants around the report time zone's edges (a daylight-saving change, a month's first local
 * midnight); then every rollup-served figure must equal docs/metrics.md read independently in
 * plain SQL over the base tables (test/metric-oracle.ts).
 */

const TZ = 'Europe/Madrid';
const SETTINGS = { reportTz: TZ, disputeSlaHours: 72, commTargetMinutes: 30 };
/** The writes start here (Saturday evening before the clocks go forward) and move forward. */
const CLOCK_START = Date.parse('2025-03-29T20:00:00Z');

const REGIONS = ['MAD', 'CAT', 'AND'] as const;
const POSTCODES = [
  ['28001', 'MAD'],
  ['28002', 'MAD'],
  ['08001', 'CAT'],
  ['41001', 'AND'],
] as const;
const PEOPLE: [string, Role, string, string][] = [
  ['admin@p.test', 'admin', '', ''],
  ['manager@p.test', 'manager', '', ''],
  ['manager.mad@p.test', 'manager', 'MAD', ''],
  ['rep.mad.billing@p.test', 'rep', 'MAD', 'billing'],
  ['rep.cat.billing@p.test', 'rep', 'CAT', 'billing'],
  ['rep.mad.retention@p.test', 'rep', 'MAD', 'retention'],
  ['rep.cat.retention@p.test', 'rep', 'CAT', 'retention'],
];
const CAUSES = ['overcharge', 'roaming', 'moving_fee', 'premium_sms'] as const;
const CATEGORIES = ['competitor', 'price', 'billing', 'outage'] as const;
const OFFERS = ['discount', 'fee_waiver', 'loyalty_credit', 'upgrade', 'none'] as const;
const SEED_CUSTOMERS = 40;

/** A deterministic generator, so the seed is the same in every run. */
function lcg(seed: number) {
  let s = seed;
  return (mod: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % mod;
  };
}
const money = (cents: number) => (cents / 100).toFixed(2);
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function imported(db: Db, entity: Parameters<typeof importLines>[1], lines: string[]): Promise<void> {
  const report = await importLines(db, entity, lines);
  if (!report.committed) throw new Error(`${entity}: ${JSON.stringify(report.errors.slice(0, 3))}`);
}

/** Regions, postcodes, staff, 40 customers and their cases, disputes and compensation, by the importer. */
async function seed(db: Db): Promise<void> {
  const rnd = lcg(11);
  await imported(db, 'regions', ['code,name', ...REGIONS.map((r) => `${r},${r}`)]);
  await imported(db, 'postcodes', ['postcode,region_code', ...POSTCODES.map(([p, r]) => `${p},${r}`)]);
  await imported(db, 'users', [
    'email,name,role,region_code,team',
    ...PEOPLE.map((p) => `${p[0]},${p[0]},${p.slice(1).join(',')}`),
  ]);
  const base = Date.parse('2024-09-01T00:00:00Z');
  const customers = [];
  for (let i = 0; i < SEED_CUSTOMERS; i++) {
    const [postcode, region] = POSTCODES[i % POSTCODES.length] ?? POSTCODES[0];
    const activated = base + rnd(200) * DAY + rnd(24) * HOUR;
    const churned = i % 5 === 4 ? activated + (20 + rnd(150)) * DAY : null;
    const category = churned === null ? '' : (CATEGORIES[rnd(CATEGORIES.length)] ?? 'price');
    const competitor = category === 'competitor' ? ['Movi', 'Orangina', ' '][rnd(3)] : '';
    customers.push(
      `ACC-${i},${region},${postcode},${iso(activated)},${money(1990 + rnd(8) * 1000)},${churned === null ? '' : iso(Math.min(churned, CLOCK_START - HOUR))},${category},${competitor}`,
    );
  }
  await imported(db, 'customers', [
    'account_number,region_code,postcode,activated_at,monthly_fee,churned_at,churn_category,competitor',
    ...customers,
  ]);
  const cases = [];
  const comps = [];
  for (let i = 0; i < 20; i++) {
    const region = (i % 4) + 0;
    const rep = region === 2 ? 'rep.cat.retention@p.test' : 'rep.mad.retention@p.test';
    const opened = Date.parse('2025-02-01T00:00:00Z') + rnd(50) * DAY + rnd(24) * HOUR;
    const outcome = ['saved', 'churned', 'pending'][rnd(3)] ?? 'pending';
    const offer = outcome === 'saved' ? 'discount' : 'none';
    const closed = outcome === 'pending' ? '' : iso(Math.min(opened + rnd(90) * HOUR, CLOCK_START - HOUR));
    cases.push(
      `RC-S-${i},ACC-${i * 2},${rep},${iso(opened)},price,${offer},${outcome},49.90,${closed},${offer === 'discount' ? '5.00' : '0.00'},${offer === 'discount' ? 3 : 0}`,
    );
    if (outcome === 'saved') comps.push(`CP-S-${i},ACC-${i * 2},retention_offer,15.00,${closed},${rep},RC-S-${i},`);
  }
  await imported(db, 'retention_cases', [
    'case_ref,account_number,rep,opened_at,reason,offer_type,outcome,mrr_at_risk,closed_at,offer_monthly_discount,offer_months',
    ...cases,
  ]);
  const disputes = [];
  for (let i = 0; i < 30; i++) {
    const c = (i * 3) % SEED_CUSTOMERS;
    const region = POSTCODES[c % POSTCODES.length]?.[1];
    const rep = region === 'CAT' ? 'rep.cat.billing@p.test' : rnd(3) === 0 ? '' : 'rep.mad.billing@p.test';
    const opened = Date.parse('2025-02-20T00:00:00Z') + rnd(36) * DAY + rnd(24) * HOUR;
    const status = ['open', 'investigating', 'resolved', 'rejected'][rnd(4)] ?? 'open';
    const closed = status === 'resolved' || status === 'rejected';
    const resolved = closed ? iso(Math.min(opened + rnd(120) * HOUR, CLOCK_START - HOUR)) : '';
    const undue = status === 'resolved' ? 'true' : '';
    const credited = status === 'resolved' ? money(100 * rnd(30)) : '0.00';
    disputes.push(
      `DS-S-${i},ACC-${c},${iso(Math.min(opened, CLOCK_START - 2 * HOUR))},${CAUSES[rnd(CAUSES.length)]},${money(5000 + rnd(50) * 100)},${status},${rep},${1 + rnd(3)},${undue},${resolved},${credited}`,
    );
  }
  await imported(db, 'disputes', [
    'dispute_ref,account_number,opened_at,cause,disputed_amount,status,assigned_to,bill_number,undue_charge,resolved_at,credited_amount',
    ...disputes,
  ]);
  comps.push(`CP-S-G1,ACC-1,goodwill,12.34,2025-03-02T23:30:00Z,rep.mad.billing@p.test,,`);
  await imported(db, 'compensations', [
    'comp_ref,account_number,kind,amount,issued_at,issued_by,retention_case_ref,dispute_ref',
    ...comps,
  ]);
}

/** Each write names its target by a number, taken modulo the rows there are, so it always has one. */
const target = fc.nat({ max: 1000 });
const write = fc.oneof(
  fc.record({
    kind: fc.constant('importDispute' as const),
    slot: fc.nat({ max: 5 }),
    customer: target,
    cause: fc.constantFrom(...CAUSES),
    hoursAgo: fc.integer({ min: 0, max: 100 }),
    closeAfter: fc.option(fc.integer({ min: 0, max: 100 })),
    rep: fc.constantFrom('', 'rep.mad.billing@p.test', 'rep.cat.billing@p.test'),
    firstBill: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('importCustomer' as const),
    account: fc.oneof(
      fc.constantFrom('ACC-P-0', 'ACC-P-1'),
      target.map((n) => `ACC-${n % SEED_CUSTOMERS}`),
    ),
    postcode: fc.nat({ max: POSTCODES.length - 1 }),
    daysAgo: fc.integer({ min: 0, max: 300 }),
    churnHoursAgo: fc.option(fc.integer({ min: 0, max: 60 })),
  }),
  fc.record({
    kind: fc.constant('transition' as const),
    dispute: target,
    to: fc.constantFrom('investigating', 'awaiting_recalculation', 'resolved', 'rejected' as const),
    byManager: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('finding' as const), dispute: target, undue: fc.boolean() }),
  fc.record({
    kind: fc.constant('credit' as const),
    dispute: target,
    cents: fc.integer({ min: 1, max: 30_000 }),
    byRep: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('decide' as const), request: target, approve: fc.boolean() }),
  fc.record({
    kind: fc.constant('reassign' as const),
    dispute: target,
    to: fc.constantFrom(null, 'rep.mad.billing@p.test', 'rep.cat.billing@p.test'),
  }),
  fc.record({ kind: fc.constant('escalate' as const), dispute: target }),
  fc.record({
    kind: fc.constant('openCase' as const),
    customer: target,
    outcome: fc.constantFrom('saved', 'churned', 'pending' as const),
    offer: fc.constantFrom(...OFFERS),
    closedHoursAgo: fc.integer({ min: 0, max: 30 }),
  }),
  fc.record({
    kind: fc.constant('closeCase' as const),
    pending: target,
    saved: fc.boolean(),
    offer: fc.constantFrom(...OFFERS),
  }),
  fc.record({
    kind: fc.constant('outage' as const),
    region: fc.constantFrom(...REGIONS),
    byPostcode: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('milestone' as const),
    outage: target,
    step: fc.constantFrom('communicate', 'detect', 'resolve' as const),
  }),
  fc.record({ kind: fc.constant('compensate' as const), outage: target }),
);
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;
const step = fc.record({ minutes: fc.integer({ min: 0, max: 900 }), write });

let t: TestDb;
let people: Map<string, SessionUser>;
let serial = 0;

function person(email: string): SessionUser {
  const found = people.get(email);
  if (!found) throw new Error(`no user ${email}`);
  return found;
}

async function nth<T extends Record<string, unknown>>(
  db: Db,
  query: ReturnType<typeof sql>,
  n: number,
): Promise<T | null> {
  const found = await queryRows<T>(db, query);
  return found.length === 0 ? null : (found[n % found.length] ?? null);
}

async function disputeAt(db: Db, n: number) {
  const row = await nth<{ ref: string; version: number }>(
    db,
    sql`select dispute_ref as ref, version from disputes order by id`,
    n,
  );
  return row && { ref: row.ref, version: Number(row.version) };
}

async function outageAt(db: Db, n: number) {
  return (await nth<{ ref: string }>(db, sql`select outage_ref as ref from outages order by id`, n))?.ref ?? null;
}

/** Local wall time `YYYY-MM-DDTHH:MM` of an instant in the report time zone. */
function wall(ms: number): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));
  return parts.replace(' ', 'T');
}

async function apply(db: Db, w: Write, now: number): Promise<void> {
  const manager = person('manager@p.test');
  switch (w.kind) {
    case 'importDispute': {
      const customer = await nth<{ a: string }>(
        db,
        sql`select account_number as a from customers order by id`,
        w.customer,
      );
      if (!customer) return;
      const opened = now - w.hoursAgo * HOUR;
      const resolved = w.closeAfter === null ? null : Math.min(opened + w.closeAfter * HOUR, now);
      const row = [
        `DS-P-${w.slot}`,
        customer.a,
        iso(opened),
        w.cause,
        '80.00',
        resolved === null ? 'open' : 'resolved',
        w.rep,
        w.firstBill ? '1' : '2',
        resolved === null ? '' : 'false',
        resolved === null ? '' : iso(resolved),
        '0.00',
      ];
      await importLines(db, 'disputes', [
        'dispute_ref,account_number,opened_at,cause,disputed_amount,status,assigned_to,bill_number,undue_charge,resolved_at,credited_amount',
        row.join(','),
      ]);
      return;
    }
    case 'importCustomer': {
      const [postcode, region] = POSTCODES[w.postcode] ?? POSTCODES[0];
      const activated = now - (w.daysAgo + 1) * DAY;
      const churned = w.churnHoursAgo === null ? '' : iso(Math.max(now - w.churnHoursAgo * HOUR, activated));
      await importLines(db, 'customers', [
        'account_number,region_code,postcode,activated_at,monthly_fee,churned_at,churn_category',
        `${w.account},${region},${postcode},${iso(activated)},39.90,${churned},${churned === '' ? '' : 'price'}`,
      ]);
      return;
    }
    case 'transition': {
      const d = await disputeAt(db, w.dispute);
      if (!d) return;
      const actor = w.byManager ? manager : person('rep.mad.billing@p.test');
      await transitionDispute(db, actor, { ...d, to: w.to });
      return;
    }
    case 'finding': {
      const d = await disputeAt(db, w.dispute);
      if (!d) return;
      await recordFinding(db, manager, { ...d, undueCharge: w.undue, undueReason: w.undue ? 'Charged twice' : null });
      return;
    }
    case 'credit': {
      const d = await disputeAt(db, w.dispute);
      if (!d) return;
      const actor = w.byRep ? person('rep.mad.billing@p.test') : manager;
      await issueCredit(db, actor, { ...d, amountCents: w.cents, reason: 'Undue charge' });
      return;
    }
    case 'decide': {
      const r = await nth<{ id: number }>(
        db,
        sql`select id from credit_requests where status = 'pending' order by id`,
        w.request,
      );
      if (!r) return;
      await decideCreditRequest(db, manager, { id: Number(r.id), approve: w.approve, note: null });
      return;
    }
    case 'reassign': {
      const d = await disputeAt(db, w.dispute);
      if (!d) return;
      await bulkReassign(db, manager, { items: [d], assigneeEmail: w.to });
      return;
    }
    case 'escalate': {
      const d = await disputeAt(db, w.dispute);
      if (!d) return;
      await escalateToRetention(db, manager, { ...d, reason: 'billing' });
      return;
    }
    case 'openCase': {
      const c = await nth<{ id: number }>(
        db,
        sql`select id from customers where churned_at is null order by id`,
        w.customer,
      );
      if (!c) return;
      const closed = w.outcome === 'pending' ? null : new Date(now - w.closedHoursAgo * HOUR);
      const monthly = w.offer === 'discount';
      await openRetentionCase(db, person('rep.mad.retention@p.test'), {
        customerId: Number(c.id),
        reason: w.outcome === 'churned' ? 'competitor' : 'price',
        outcome: w.outcome,
        closedAt: closed,
        offerType: w.offer,
        offerMonthlyDiscountCents: monthly ? 500 : 0,
        offerMonths: monthly ? 2 : 0,
        oneOffAmountCents: w.offer === 'fee_waiver' || w.offer === 'loyalty_credit' ? 1500 : null,
        competitor: w.outcome === 'churned' ? 'Movi' : null,
      });
      return;
    }
    case 'closeCase': {
      const r = await nth<{ id: number }>(
        db,
        sql`select id from retention_cases where outcome = 'pending' order by id`,
        w.pending,
      );
      if (!r) return;
      const monthly = w.offer === 'discount';
      await closeRetentionCase(db, manager, {
        caseId: Number(r.id),
        outcome: w.saved ? 'saved' : 'churned',
        closedAt: new Date(now),
        offerType: w.offer,
        offerMonthlyDiscountCents: monthly ? 300 : 0,
        offerMonths: monthly ? 3 : 0,
        oneOffAmountCents: w.offer === 'fee_waiver' || w.offer === 'loyalty_credit' ? 900 : null,
      });
      return;
    }
    case 'outage': {
      const postcodes = w.byPostcode
        ? POSTCODES.filter(([, r]) => r === w.region)
            .slice(0, 1)
            .map(([p]) => p)
        : [];
      serial++;
      await createOutage(
        db,
        manager,
        {
          title: `Outage ${serial}`,
          severity: 'major',
          startedAt: wall(now - 3 * HOUR),
          regions: [w.region],
          postcodes,
        },
        new Date(now),
      );
      return;
    }
    case 'milestone': {
      const ref = await outageAt(db, w.outage);
      if (!ref) return;
      await recordMilestone(db, manager, { ref, step: w.step }, new Date(now));
      return;
    }
    case 'compensate': {
      const ref = await outageAt(db, w.outage);
      if (!ref) return;
      await compensateAll(db, manager, { ref }, new Date(now));
      return;
    }
  }
}

/** A refusal (ApiError: not allowed, over a limit, already done) leaves nothing behind; anything else is a bug. */
async function applyOrRefuse(db: Db, w: Write, now: number): Promise<void> {
  try {
    await apply(db, w, now);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}

const localDay = (ms: number) => wall(ms).slice(0, 10);

/** Every rollup-served figure for one period and scope against the oracle. */
async function checkPeriod(db: Db, from: string, to: string, region: string | null, rep: string | null) {
  const q: OracleQuery = {
    from,
    to,
    region,
    rep,
    tz: TZ,
    slaHours: SETTINGS.disputeSlaHours,
    commTargetMinutes: SETTINGS.commTargetMinutes,
  };
  const label = `${from}..${to} region=${region ?? '-'} rep=${rep ?? '-'}`;
  const period = { from, to, tz: TZ };
  expect(await computeKpis(db, { from, to, region, rep, settings: SETTINGS }), label).toEqual(await oracleKpis(db, q));
  expect(await retentionBreakdowns(db, { period, region, rep }), label).toEqual(await oracleRetentionPage(db, q));
  expect(await disputesByRep(db, { period, region, rep, disputeSlaHours: SETTINGS.disputeSlaHours }), label).toEqual(
    await oracleDisputesByRep(db, q),
  );
  // The dashboard's "what changed", against the previous period of equal length, every base counted.
  const before = previousPeriod({ from, to });
  expect(
    await biggestMovers(db, {
      current: period,
      previous: { ...before, tz: TZ },
      region,
      rep,
      minimumBase: 1,
      limit: 50,
    }),
    label,
  ).toEqual(await oracleMovers(db, q, { ...q, ...before }, 1, 50));
}

async function checkMonths(db: Db, fromMonth: string, toMonth: string, region: string | null, rep: string | null) {
  const label = `${fromMonth}..${toMonth} region=${region ?? '-'} rep=${rep ?? '-'}`;
  const q = { region, rep, tz: TZ, slaHours: SETTINGS.disputeSlaHours, commTargetMinutes: SETTINGS.commTargetMinutes };
  const series = await monthlySeries(db, {
    fromMonth,
    toMonth,
    tz: TZ,
    disputeSlaHours: SETTINGS.disputeSlaHours,
    commTargetMinutes: SETTINGS.commTargetMinutes,
    region,
    rep,
  });
  expect(series, label).toEqual(await oracleSeries(db, q, fromMonth, toMonth));
  const monthly = await oracleMonthlyByCauseAndKind(db, q, fromMonth, toMonth);
  expect(await disputesOpenedByCauseMonthly(db, { fromMonth, toMonth, tz: TZ, region, rep }), label).toEqual(
    monthly.byCause,
  );
  expect(await compensationByKindMonthly(db, { fromMonth, toMonth, tz: TZ, region, rep }), label).toEqual(
    monthly.byKind,
  );
  if (rep === null) {
    expect(await monthlyChurnByRegion(db, { fromMonth, toMonth, tz: TZ, region }), label).toEqual(
      await oracleMonthlyChurnByRegion(db, { region, tz: TZ }, fromMonth, toMonth),
    );
  }
}

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db);
  const rows = await queryRows<{ id: number; email: string; name: string; role: Role; region_code: string | null }>(
    t.db,
    sql`select id, email, name, role, region_code from users`,
  );
  people = new Map(
    rows.map((u) => [
      u.email,
      { id: Number(u.id), email: u.email, name: u.name, role: u.role, regionCode: u.region_code },
    ]),
  );
}, 300_000);
afterAll(async () => {
  vi.useRealTimers();
  await t?.close();
});

describe('rollup-served figures after random writes through the services', () => {
  it('equal the definitions of docs/metrics.md computed from the base tables', async () => {
    let now = CLOCK_START;
    vi.useFakeTimers({ toFake: ['Date'], now });
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 6, maxLength: 16 }), async (steps) => {
          for (const s of steps) {
            now += s.minutes * 60_000;
            vi.setSystemTime(now);
            await applyOrRefuse(t.db, s.write, now);
          }
          const today = localDay(now);
          const scopes: [string | null, string | null][] = [
            [null, null],
            ['MAD', null],
            [null, 'rep.mad.billing@p.test'],
            ['MAD', 'rep.mad.retention@p.test'],
          ];
          for (const [region, rep] of scopes) {
            // The writes' own local day, the day the clocks went forward, a month, ragged ends across months.
            await checkPeriod(t.db, today, today, region, rep);
            await checkPeriod(t.db, '2025-03-30', '2025-03-30', region, rep);
            await checkPeriod(t.db, '2025-03-15', today, region, rep);
          }
          await checkPeriod(t.db, '2024-09-01', '2025-03-31', null, null);
          for (const [region, rep] of scopes.slice(0, 3)) {
            const { fromMonth, toMonth } = trailingMonths(today, 12);
            await checkMonths(t.db, fromMonth, toMonth, region, rep);
          }
        }),
        { numRuns: 3 },
      );
    } finally {
      vi.useRealTimers();
    }
  }, 600_000);
});
