import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixtureDirectory } from '@/server/import/load-fixture';
import { createTestDb, type TestDb } from '@/test/db';
import { computeKpis, type KpiSettings } from './kpis';
import { monthlySeries, type MonthFigures } from './series';

const settings: KpiSettings = { reportTz: 'Europe/Madrid', disputeSlaHours: 72, commTargetMinutes: 30 };

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await importFixtureDirectory(t.db, path.join(import.meta.dirname, 'fixtures', 'sample'), settings.reportTz);
});
afterAll(async () => {
  await t?.close();
});

const lastDay = (month: string) => {
  const [year, mon] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year ?? 0, mon ?? 0, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** The same month's figures, taken from the period KPIs. */
async function fromKpis(month: string, region: string | null, rep: string | null): Promise<MonthFigures> {
  const k = await computeKpis(t.db, { from: `${month}-01`, to: lastDay(month), region, rep, settings });
  return {
    month,
    churn: {
      activeAtStart: k.churn.activeAtStart,
      churned: k.churn.churned,
      churnRate: k.churn.churnRate,
      revenueChurnRate: k.churn.revenueChurnRate,
    },
    retention: {
      saved: k.retention.saved,
      lost: k.retention.lost,
      saveRate: k.retention.saveRate,
      savedMrrCents: k.retention.savedMrrCents,
    },
    disputes: {
      opened: k.disputes.opened,
      resolved: k.disputes.resolved,
      backlogAtEnd: k.disputes.backlogAtEnd,
      slaComplianceRate: k.disputes.slaComplianceRate,
      medianHoursToResolve: k.disputes.medianHoursToResolve,
    },
    outages: {
      count: k.outages.count,
      medianMinutesToCommunicate: k.outages.milestones.find((m) => m.milestone === 'communicate')?.median ?? null,
      commWithinTargetRate: k.outages.commWithinTargetRate,
    },
    compensation: { count: k.compensation.count, totalCents: k.compensation.totalCents },
  };
}

describe('monthly series', () => {
  it.each([
    [null, null],
    ['CAT', null],
    [null, 'rep.mad.retention@holdfast.test'],
  ])('matches the KPIs of each month (region %s, rep %s)', async (region, rep) => {
    const series = await monthlySeries(t.db, {
      fromMonth: '2023-10',
      toMonth: '2024-06',
      region,
      rep,
      tz: settings.reportTz,
      disputeSlaHours: settings.disputeSlaHours,
      commTargetMinutes: settings.commTargetMinutes,
    });
    expect(series.map((m) => m.month)).toEqual([
      '2023-10',
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
    ]);
    for (const month of series) expect(month).toEqual(await fromKpis(month.month, region, rep));
  });

  it('is empty for an inverted range', async () => {
    const params = { region: null, rep: null, tz: 'Europe/Madrid', disputeSlaHours: 72, commTargetMinutes: 30 };
    expect(await monthlySeries(t.db, { ...params, fromMonth: '2024-02', toMonth: '2024-01' })).toEqual([]);
  });
});
