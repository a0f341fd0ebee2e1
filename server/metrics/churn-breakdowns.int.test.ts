import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { churnFigures } from './churn';
import { monthlyChurnByRegion } from './churn-breakdowns';
import { trailingMonths } from './month-range';
import { testRows } from '@/test/factories/metric-rows';

const TZ = 'Europe/Madrid';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  await rows.region('MAD');
  await rows.region('CAT');
  // A region without customers has no line.
  await rows.region('EMP');
  await rows.customer({ region: 'MAD', activated: '2023-06-01T10:00:00Z', fee: 1000, churned: '2024-01-15T10:00:00Z' });
  await rows.customer({ region: 'MAD', activated: '2023-06-01T10:00:00Z', fee: 3000 });
  // January 1st in Madrid: not active at the start of January; churned exactly at local midnight
  // of March 1st, so active at the start of March and churned in March.
  await rows.customer({ region: 'MAD', activated: '2023-12-31T23:30:00Z', fee: 2000, churned: '2024-02-29T23:00:00Z' });
  // 23:59:59 on January 31st in Madrid: January churn.
  await rows.customer({ region: 'CAT', activated: '2023-01-01T10:00:00Z', fee: 1000, churned: '2024-01-31T22:59:59Z' });
});
afterAll(async () => {
  await t?.close();
});

describe('monthly churn by region', () => {
  it('gives each region its monthly churn and revenue churn rates', async () => {
    const series = await monthlyChurnByRegion(t.db, { fromMonth: '2024-01', toMonth: '2024-03', tz: TZ, region: null });
    expect(series).toEqual([
      { month: '2024-01', region: 'CAT', activeAtStart: 1, churned: 1, churnRate: 1, revenueChurnRate: 1 },
      { month: '2024-01', region: 'MAD', activeAtStart: 2, churned: 1, churnRate: 0.5, revenueChurnRate: 0.25 },
      { month: '2024-02', region: 'CAT', activeAtStart: 0, churned: 0, churnRate: null, revenueChurnRate: null },
      { month: '2024-02', region: 'MAD', activeAtStart: 2, churned: 0, churnRate: 0, revenueChurnRate: 0 },
      { month: '2024-03', region: 'CAT', activeAtStart: 0, churned: 0, churnRate: null, revenueChurnRate: null },
      { month: '2024-03', region: 'MAD', activeAtStart: 2, churned: 1, churnRate: 0.5, revenueChurnRate: 0.4 },
    ]);
  });

  it('keeps only the filtered region', async () => {
    const series = await monthlyChurnByRegion(t.db, {
      fromMonth: '2024-01',
      toMonth: '2024-02',
      tz: TZ,
      region: 'CAT',
    });
    expect(series.map((r) => [r.month, r.region, r.churnRate])).toEqual([
      ['2024-01', 'CAT', 1],
      ['2024-02', 'CAT', null],
    ]);
  });

  it('matches the KPI engine for each month and region', async () => {
    const lastDay = { '2024-01': '31', '2024-02': '29', '2024-03': '31' } as const;
    const series = await monthlyChurnByRegion(t.db, { fromMonth: '2024-01', toMonth: '2024-03', tz: TZ, region: null });
    for (const row of series) {
      const month = row.month as keyof typeof lastDay;
      const k = await churnFigures(t.db, {
        period: { from: `${month}-01`, to: `${month}-${lastDay[month]}`, tz: TZ },
        region: row.region,
      });
      expect([row.activeAtStart, row.churned, row.churnRate, row.revenueChurnRate]).toEqual([
        k.activeAtStart,
        k.churned,
        k.churnRate,
        k.revenueChurnRate,
      ]);
    }
  });

  it('is empty for an inverted range', async () => {
    expect(
      await monthlyChurnByRegion(t.db, { fromMonth: '2024-03', toMonth: '2024-01', tz: TZ, region: null }),
    ).toEqual([]);
  });
});

describe('trailing months', () => {
  it('ends with the month of the date and spans across years', () => {
    expect(trailingMonths('2024-03-15', 12)).toEqual({ fromMonth: '2023-04', toMonth: '2024-03' });
    expect(trailingMonths('2024-12-31', 12)).toEqual({ fromMonth: '2024-01', toMonth: '2024-12' });
    expect(trailingMonths('2024-01-01', 1)).toEqual({ fromMonth: '2024-01', toMonth: '2024-01' });
  });
});
