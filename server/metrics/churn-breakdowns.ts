import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rollupCustomers as rc } from '@/db/schema';
import { regionMatch } from './filters';
import { monthsBetween } from './month-range';
import { ensureRollups } from './rollups/state';
import { ratioOf, sumOf } from './rollups/sum';

export interface RegionMonthChurn {
  /** Calendar month, YYYY-MM, in the report time zone. */
  month: string;
  region: string;
  activeAtStart: number;
  churned: number;
  churnRate: number | null;
  revenueChurnRate: number | null;
}

export interface MonthlyChurnByRegionParams {
  /** Calendar months YYYY-MM, inclusive, in the report time zone. */
  fromMonth: string;
  toMonth: string;
  tz: string;
  region: string | null;
}

/**
 * Churn rate and revenue churn rate of each calendar month, one row per month and region
 * (docs/metrics.md "Trends" with the customer's region as the breakdown). Regions without
 * any customer are left out; rows are ordered by month, then region code.
 *
 * From the monthly rows of the customers rollup: churned_at >= activated_at, so the customers active
 * at the start of a month are those activated in earlier months minus those churned in earlier months
 * (months of the report time zone, so "earlier month" is exactly "before the month's start").
 */
export async function monthlyChurnByRegion(db: Db, params: MonthlyChurnByRegionParams): Promise<RegionMonthChurn[]> {
  if (params.fromMonth > params.toMonth) return [];
  await ensureRollups(db, { tz: params.tz });
  const rows = await db
    .select({
      region: rc.regionCode,
      month: sql<string>`to_char(${rc.day}, 'YYYY-MM')`,
      joined: sumOf(rc.joined),
      joinedFees: sumOf(rc.joinedFeesCents),
      churned: sumOf(rc.churned),
      churnedFees: sumOf(rc.churnedFeesCents),
    })
    .from(rc)
    .where(
      and(
        sql`${rc.grain} = 'm' and ${rc.day} <= ${`${params.toMonth}-01`}::date`,
        regionMatch(sql`${rc.regionCode}`, params.region),
      ),
    )
    .groupBy(rc.regionCode, rc.day)
    .orderBy(sql`${rc.regionCode} collate "C"`, rc.day);
  const withCustomers = await db
    .select({ region: rc.regionCode })
    .from(rc)
    .where(and(eq(rc.grain, 'm'), regionMatch(sql`${rc.regionCode}`, params.region)))
    .groupBy(rc.regionCode)
    .having(sql`sum(${rc.joined}) > 0`)
    .orderBy(sql`${rc.regionCode} collate "C"`);
  const months = monthsBetween(params.fromMonth, params.toMonth);
  const out: RegionMonthChurn[] = [];
  for (const { region } of withCustomers) {
    const own = rows.filter((r) => r.region === region);
    const byMonth = new Map(own.map((r) => [r.month, r]));
    let active = 0;
    let fees = 0;
    for (const r of own) {
      if (r.month >= params.fromMonth) break;
      active += r.joined - r.churned;
      fees += r.joinedFees - r.churnedFees;
    }
    for (const month of months) {
      const r = byMonth.get(month);
      out.push({
        month,
        region,
        activeAtStart: active,
        churned: r?.churned ?? 0,
        churnRate: ratioOf(r?.churned ?? 0, active),
        revenueChurnRate: ratioOf(r?.churnedFees ?? 0, fees),
      });
      active += (r?.joined ?? 0) - (r?.churned ?? 0);
      fees += (r?.joinedFees ?? 0) - (r?.churnedFees ?? 0);
    }
  }
  return out.sort((a, b) => (a.month === b.month ? (a.region < b.region ? -1 : 1) : a.month < b.month ? -1 : 1));
}
