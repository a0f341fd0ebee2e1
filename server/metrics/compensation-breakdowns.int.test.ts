import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { areaTestRows } from '@/test/factories/area-page-rows';
import { compensationFigures } from './compensation';
import { compensationByKindMonthly } from './compensation-breakdowns';
import { testRows } from '@/test/factories/metric-rows';

const TZ = 'Europe/Madrid';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  const area = areaTestRows(t.db);
  await rows.region('NRT');
  await rows.region('STH');
  const kim = await rows.user('kim@t.test', 'rep', 'NRT');
  const north = await area.customer({ region: 'NRT' });
  const south = await area.customer({ region: 'STH' });
  // 00:30 on 1 March local.
  await area.compensation({
    customerId: north,
    kind: 'goodwill',
    amount: 1000,
    issued: '2024-02-29T23:30:00Z',
    issuedById: kim,
  });
  await area.compensation({
    customerId: north,
    kind: 'dispute_credit',
    amount: 500,
    issued: '2024-03-10T10:00:00Z',
    issuedById: kim,
  });
  await area.compensation({ customerId: north, kind: 'outage_credit', amount: 300, issued: '2024-03-11T10:00:00Z' });
  await area.compensation({
    customerId: south,
    kind: 'goodwill',
    amount: 2000,
    issued: '2024-03-12T10:00:00Z',
    issuedById: kim,
  });
  // Midnight of 1 April local, and 23:59 on 29 February local.
  await area.compensation({
    customerId: north,
    kind: 'goodwill',
    amount: 700,
    issued: '2024-03-31T22:00:00Z',
    issuedById: kim,
  });
  await area.compensation({
    customerId: north,
    kind: 'fee_waiver',
    amount: 400,
    issued: '2024-02-29T22:59:00Z',
    issuedById: kim,
  });
});
afterAll(async () => {
  await t?.close();
});

const monthly = (region: string | null, rep: string | null, fromMonth = '2024-01', toMonth = '2024-04') =>
  compensationByKindMonthly(t.db, { fromMonth, toMonth, tz: TZ, region, rep });

describe('compensation by kind, monthly', () => {
  it('places each compensation in its local calendar month, automatic ones included', async () => {
    expect(await monthly(null, null)).toEqual({
      months: ['2024-01', '2024-02', '2024-03', '2024-04'],
      rows: [
        { month: '2024-02', kind: 'fee_waiver', count: 1, totalCents: 400 },
        { month: '2024-03', kind: 'dispute_credit', count: 1, totalCents: 500 },
        { month: '2024-03', kind: 'goodwill', count: 2, totalCents: 3000 },
        { month: '2024-03', kind: 'outage_credit', count: 1, totalCents: 300 },
        { month: '2024-04', kind: 'goodwill', count: 1, totalCents: 700 },
      ],
    });
  });

  it('uses the customer region and the issuing rep', async () => {
    expect((await monthly('NRT', null, '2024-03', '2024-03')).rows).toEqual([
      { month: '2024-03', kind: 'dispute_credit', count: 1, totalCents: 500 },
      { month: '2024-03', kind: 'goodwill', count: 1, totalCents: 1000 },
      { month: '2024-03', kind: 'outage_credit', count: 1, totalCents: 300 },
    ]);
    expect((await monthly(null, 'kim@t.test', '2024-03', '2024-03')).rows.map((r) => r.kind)).toEqual([
      'dispute_credit',
      'goodwill',
    ]);
  });

  it('matches the KPI engine byKind of the month', async () => {
    for (const [region, rep] of [
      [null, null],
      ['NRT', null],
      ['STH', 'kim@t.test'],
    ] as const) {
      const { rows } = await monthly(region, rep, '2024-03', '2024-03');
      const kpi = await compensationFigures(t.db, {
        period: { from: '2024-03-01', to: '2024-03-31', tz: TZ },
        region,
        rep,
      });
      const byKind = [...kpi.byKind].sort((a, b) => (a.key < b.key ? -1 : 1));
      expect(rows.map((r) => ({ key: r.kind, count: r.count, totalCents: r.totalCents }))).toEqual(byKind);
    }
  });
});
