import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { areaTestRows } from '@/test/factories/area-page-rows';
import { disputesByRep, disputesOpenedByCauseMonthly, firstBillDisputesBySeller } from './dispute-breakdowns';
import { disputeFigures } from './disputes';
import { testRows } from '@/test/factories/metric-rows';

const TZ = 'Europe/Madrid';
// March 2024 in Madrid: 2024-02-29T23:00Z up to 2024-03-31T22:00Z (clocks go forward on the 31st).
const march = { from: '2024-03-01', to: '2024-03-31', tz: TZ };
const params = (region: string | null, rep: string | null = null) => ({
  period: march,
  region,
  rep,
  disputeSlaHours: 72,
});

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  const area = areaTestRows(t.db);
  await rows.region('NRT');
  await rows.region('STH');
  const ana = await rows.user('ana@t.test', 'rep', 'NRT');
  const bob = await rows.user('bob@t.test', 'rep', 'NRT');
  const sam = await rows.user('sam@t.test', 'rep', 'NRT');
  const sue = await rows.user('sue@t.test', 'rep', 'NRT');
  const c1 = await area.customer({ region: 'NRT', soldById: sam });
  const c2 = await area.customer({ region: 'NRT', soldById: sue });
  const c3 = await area.customer({ region: 'NRT' });
  const c4 = await area.customer({ region: 'STH', soldById: sam });

  // d1: 00:30 on 1 March local; resolved after exactly 72 h (within SLA).
  await area.dispute({
    customerId: c1,
    opened: '2024-02-29T23:30:00Z',
    cause: 'overcharge',
    billNumber: 1,
    assignedToId: ana,
    resolved: '2024-03-03T23:30:00Z',
    credited: 500,
    undue: true,
    amount: 2000,
  });
  // d2: rejected after 96 h.
  await area.dispute({
    customerId: c1,
    opened: '2024-03-10T10:00:00Z',
    cause: 'roaming',
    billNumber: 1,
    assignedToId: ana,
    status: 'rejected',
    resolved: '2024-03-14T10:00:00Z',
    undue: false,
    amount: 3000,
  });
  await area.dispute({
    customerId: c2,
    opened: '2024-03-05T10:00:00Z',
    cause: 'overcharge',
    billNumber: 1,
    assignedToId: bob,
    amount: 1500,
  });
  await area.dispute({
    customerId: c3,
    opened: '2024-03-06T10:00:00Z',
    cause: 'undisclosed_fee',
    billNumber: 1,
    amount: 1000,
  });
  // d5: a second bill, resolved after 24 h.
  await area.dispute({
    customerId: c2,
    opened: '2024-03-07T10:00:00Z',
    cause: 'overcharge',
    billNumber: 2,
    assignedToId: bob,
    resolved: '2024-03-08T10:00:00Z',
    credited: 700,
    undue: true,
    amount: 700,
  });
  // d6: 23:59 on 29 February local, resolved in March after 24 h.
  await area.dispute({
    customerId: c1,
    opened: '2024-02-29T22:59:00Z',
    cause: 'roaming',
    billNumber: 1,
    assignedToId: ana,
    resolved: '2024-03-01T22:59:00Z',
    credited: 100,
  });
  // d7: another region.
  await area.dispute({
    customerId: c4,
    opened: '2024-03-12T10:00:00Z',
    cause: 'overcharge',
    billNumber: 1,
    assignedToId: ana,
    amount: 5000,
  });
  // d8: midnight of 1 April local.
  await area.dispute({
    customerId: c1,
    opened: '2024-03-31T22:00:00Z',
    cause: 'roaming',
    billNumber: 1,
    assignedToId: ana,
  });
});
afterAll(async () => {
  await t?.close();
});

describe('disputes opened by cause, monthly', () => {
  it('places each dispute in its local calendar month and lists empty months', async () => {
    const monthly = await disputesOpenedByCauseMonthly(t.db, {
      fromMonth: '2024-01',
      toMonth: '2024-04',
      tz: TZ,
      region: 'NRT',
      rep: null,
    });
    expect(monthly).toEqual({
      months: ['2024-01', '2024-02', '2024-03', '2024-04'],
      rows: [
        { month: '2024-02', cause: 'roaming', count: 1, disputedCents: 1000 },
        { month: '2024-03', cause: 'overcharge', count: 3, disputedCents: 4200 },
        { month: '2024-03', cause: 'roaming', count: 1, disputedCents: 3000 },
        { month: '2024-03', cause: 'undisclosed_fee', count: 1, disputedCents: 1000 },
        { month: '2024-04', cause: 'roaming', count: 1, disputedCents: 1000 },
      ],
    });
  });

  it('matches the KPI engine byCause of the month, with a rep filter too', async () => {
    for (const [region, rep] of [
      [null, null],
      ['NRT', 'ana@t.test'],
    ] as const) {
      const monthly = await disputesOpenedByCauseMonthly(t.db, {
        fromMonth: '2024-03',
        toMonth: '2024-03',
        tz: TZ,
        region,
        rep,
      });
      const kpi = await disputeFigures(t.db, params(region, rep));
      const sorted = [...kpi.byCause].sort((a, b) => (a.cause < b.cause ? -1 : 1));
      expect(monthly.rows.map(({ cause, count, disputedCents }) => ({ cause, count, disputedCents }))).toEqual(sorted);
    }
  });
});

describe('disputes by assigned rep', () => {
  it('gives the docs/metrics.md figures per rep, SLA inclusive at exactly 72 h, unassigned last', async () => {
    expect(await disputesByRep(t.db, params('NRT'))).toEqual([
      {
        rep: 'ana@t.test',
        name: 'ana@t.test',
        opened: 2,
        resolved: 3,
        slaComplianceRate: 2 / 3,
        medianHoursToResolve: 72,
        creditedCents: 600,
      },
      {
        rep: 'bob@t.test',
        name: 'bob@t.test',
        opened: 2,
        resolved: 1,
        slaComplianceRate: 1,
        medianHoursToResolve: 24,
        creditedCents: 700,
      },
      {
        rep: null,
        name: null,
        opened: 1,
        resolved: 0,
        slaComplianceRate: null,
        medianHoursToResolve: null,
        creditedCents: 0,
      },
    ]);
  });

  it('adds up to the KPI engine totals', async () => {
    for (const region of [null, 'NRT', 'STH']) {
      const rows = await disputesByRep(t.db, params(region));
      const kpi = await disputeFigures(t.db, params(region));
      const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
      expect([sum((r) => r.opened), sum((r) => r.resolved), sum((r) => r.creditedCents)]).toEqual([
        kpi.opened,
        kpi.resolved,
        kpi.creditedCents,
      ]);
    }
  });
});

describe('first-bill disputes by seller', () => {
  it('counts disputes on bill 1 opened in the period by who sold the contract', async () => {
    expect(await firstBillDisputesBySeller(t.db, params('NRT'))).toEqual([
      {
        seller: 'sam@t.test',
        name: 'sam@t.test',
        count: 2,
        disputedCents: 5000,
        undueSoFar: 1,
        creditedSoFarCents: 500,
      },
      { seller: 'sue@t.test', name: 'sue@t.test', count: 1, disputedCents: 1500, undueSoFar: 0, creditedSoFarCents: 0 },
      { seller: null, name: null, count: 1, disputedCents: 1000, undueSoFar: 0, creditedSoFarCents: 0 },
    ]);
  });

  it('adds up to the KPI engine first-bill share, and follows the region and assigned-rep filters', async () => {
    const all = await firstBillDisputesBySeller(t.db, params(null));
    expect(all[0]).toMatchObject({ seller: 'sam@t.test', count: 3, disputedCents: 10000 });
    const kpi = await disputeFigures(t.db, params(null));
    expect(all.reduce((s, r) => s + r.count, 0) / kpi.opened).toBe(kpi.firstBillShare);
    expect(await firstBillDisputesBySeller(t.db, params(null, 'bob@t.test'))).toEqual([
      { seller: 'sue@t.test', name: 'sue@t.test', count: 1, disputedCents: 1500, undueSoFar: 0, creditedSoFarCents: 0 },
    ]);
  });
});
