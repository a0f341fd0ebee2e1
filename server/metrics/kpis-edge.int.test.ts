import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { createTestDb, type TestDb } from '@/test/db';
import { churnFigures } from './churn';
import { computeKpis, type KpiSettings } from './kpis';
import { outageFigures } from './outages';
import { periodBounds } from './period';
import { testRows } from '@/test/factories/metric-rows';

const TZ = 'Europe/Madrid';
const settings: KpiSettings = { reportTz: TZ, disputeSlaHours: 72, commTargetMinutes: 30 };
const day = (from: string, to = from) => ({ from, to, tz: TZ });

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  for (const code of ['DST', 'OUT', 'OTH', 'EMP']) await rows.region(code);
  await rows.user('rep@t.test', 'rep', 'DST');

  // 2024-03-31 in Madrid runs from 2024-03-30T23:00Z to 2024-03-31T22:00Z (clocks go forward).
  const long = '2024-01-01T00:00:00Z';
  await rows.customer({ region: 'DST', activated: long, fee: 9000, churned: '2024-03-30T22:59:59Z' });
  await rows.customer({ region: 'DST', activated: long, fee: 1000, churned: '2024-03-30T23:00:00Z' });
  await rows.customer({
    region: 'DST',
    activated: long,
    fee: 2000,
    churned: '2024-03-31T21:59:59Z',
    competitor: 'Red Azul',
  });
  await rows.customer({ region: 'DST', activated: long, fee: 3000, churned: '2024-03-31T22:00:00Z' });
  await rows.customer({
    region: 'DST',
    activated: '2024-03-31T10:00:00Z',
    fee: 500,
    churned: '2024-03-31T12:00:00Z',
    competitor: ' ',
  });
  await rows.customer({ region: 'DST', activated: long, fee: 4000 });

  await rows.customer({ region: 'OUT', activated: long, postcode: '99001' });
  await rows.customer({ region: 'OUT', activated: long, postcode: '99002' });
  await rows.customer({ region: 'OUT', activated: '2024-05-11T09:00:00Z', postcode: '99001' });
  await rows.customer({ region: 'OUT', activated: long, postcode: '99001', churned: '2024-05-01T00:00:00Z' });
  await rows.customer({ region: 'OTH', activated: long, postcode: '99001' });
  await rows.outage({
    started: '2024-05-10T08:00:00Z',
    regions: ['OUT'],
    detected: '2024-05-10T08:05:00Z',
    communicated: '2024-05-10T08:30:00Z',
    resolved: '2024-05-10T10:00:00Z',
  });
  await rows.outage({
    started: '2024-05-11T08:00:00Z',
    regions: ['OUT'],
    postcodes: ['99001'],
    detected: '2024-05-11T08:10:00Z',
    resolved: '2024-05-11T09:00:00Z',
  });
  await rows.outage({ started: '2024-05-12T08:00:00Z', regions: ['OTH'], communicated: '2024-05-12T08:31:00Z' });
});
afterAll(async () => {
  await t?.close();
});

describe('periods', () => {
  it.each([
    ['2024-03-31', 23],
    ['2024-10-27', 25],
    ['2024-06-15', 24],
  ])('a one-day period on %s in Europe/Madrid covers %i hours', async (date, hours) => {
    const { start, end } = periodBounds(day(date));
    const [row] = await queryRows<{ hours: unknown }>(
      t.db,
      sql`select extract(epoch from (${end} - ${start})) / 3600 as hours`,
    );
    expect(Number(row?.hours)).toBe(hours);
  });
});

describe('churn', () => {
  it('counts by local midnight on the daylight-saving day, and a customer who joined and churned in P', async () => {
    const churn = await churnFigures(t.db, { period: day('2024-03-31'), region: 'DST' });
    expect(churn).toEqual({
      activeAtStart: 4,
      joined: 1,
      churned: 3,
      activeAtEnd: 2,
      churnRate: 3 / 4,
      revenueChurnRate: 3500 / 10000,
      byCategory: [{ category: 'price', count: 3 }],
      byCompetitor: [{ competitor: 'Red Azul', count: 1 }],
    });
  });

  it('ignores the rep filter', async () => {
    const withRep = await computeKpis(t.db, {
      from: '2024-03-31',
      to: '2024-03-31',
      region: 'DST',
      rep: 'rep@t.test',
      settings,
    });
    const without = await computeKpis(t.db, {
      from: '2024-03-31',
      to: '2024-03-31',
      region: 'DST',
      rep: null,
      settings,
    });
    expect(withRep.churn).toEqual(without.churn);
    expect(withRep.filters).toEqual({ region: 'DST', rep: 'rep@t.test' });
  });
});

describe('outages', () => {
  it('counts an outage never communicated as outside target, and the target itself as within', async () => {
    const outages = await outageFigures(t.db, {
      period: day('2024-05-10', '2024-05-12'),
      region: 'OUT',
      commTargetMinutes: 30,
    });
    expect(outages.count).toBe(2);
    expect(outages.commWithinTargetRate).toBe(0.5);
    expect(outages.milestones).toEqual([
      { milestone: 'detect', median: 7.5, p90: 9.5, missing: 0 },
      { milestone: 'communicate', median: 30, p90: 30, missing: 1 },
      { milestone: 'ivr', median: null, p90: null, missing: 2 },
      { milestone: 'sms', median: null, p90: null, missing: 2 },
      { milestone: 'brief', median: null, p90: null, missing: 2 },
      { milestone: 'resolve', median: 90, p90: 114, missing: 0 },
    ]);
  });

  it('counts affected customers by postcode when listed, else by region, only in the filtered region', async () => {
    const inRegion = await outageFigures(t.db, {
      period: day('2024-05-10', '2024-05-12'),
      region: 'OUT',
      commTargetMinutes: 30,
    });
    // By region: two active OUT customers; by postcode 99001: one OUT customer (the other joined later).
    expect(inRegion.affectedCustomers).toBe(3);
    const all = await outageFigures(t.db, {
      period: day('2024-05-10', '2024-05-12'),
      region: null,
      commTargetMinutes: 30,
    });
    expect(all.count).toBe(3);
    // Unfiltered, the postcode outage also reaches the OTH customer at 99001, who the OTH outage reaches too.
    expect(all.affectedCustomers).toBe(2 + 2 + 1);
    expect(all.commWithinTargetRate).toBeCloseTo(1 / 3, 12);
  });
});

describe('empty denominators', () => {
  it('gives null ratios, medians and cost per save, and empty breakdowns', async () => {
    const kpis = await computeKpis(t.db, { from: '2024-06-01', to: '2024-06-30', region: 'EMP', rep: null, settings });
    expect(kpis.churn).toMatchObject({
      activeAtStart: 0,
      churnRate: null,
      revenueChurnRate: null,
      byCategory: [],
      byCompetitor: [],
    });
    expect(kpis.retention).toMatchObject({
      saved: 0,
      saveRate: null,
      costPerSaveCents: null,
      offerCostCents: 0,
      byOffer: [],
      byRep: [],
    });
    expect(kpis.disputes).toMatchObject({
      opened: 0,
      undueRate: null,
      firstBillShare: null,
      medianHoursToResolve: null,
      slaComplianceRate: null,
      byCause: [],
    });
    expect(kpis.outages.commWithinTargetRate).toBeNull();
    expect(kpis.outages.milestones.every((m) => m.median === null && m.p90 === null && m.missing === 0)).toBe(true);
    expect(kpis.compensation).toEqual({ count: 0, totalCents: 0, byKind: [], byRegion: [], byRep: [] });
  });
});
