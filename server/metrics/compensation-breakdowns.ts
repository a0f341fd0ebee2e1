import 'server-only';
import { and, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rollupCompensations as rk } from '@/db/schema';
import { compensationRollupScope } from './compensation';
import type { KpiFilters } from './filters';
import { monthsBetween } from './month-range';
import { ensureRollups } from './rollups/state';
import { sumOf } from './rollups/sum';

export interface MonthlyByKindParams extends KpiFilters {
  /** Calendar months YYYY-MM, inclusive, in the report time zone. */
  fromMonth: string;
  toMonth: string;
  tz: string;
}

export interface MonthlyByKind {
  months: string[];
  /** Only the (month, kind) pairs with compensation, by month then kind. */
  rows: { month: string; kind: string; count: number; totalCents: number }[];
}

/**
 * Compensation issued in each calendar month, by kind: docs/metrics.md `byKind` with P = each month
 * (customer's region, issuing rep), from the monthly rows of the compensation rollup.
 */
export async function compensationByKindMonthly(db: Db, params: MonthlyByKindParams): Promise<MonthlyByKind> {
  if (params.fromMonth > params.toMonth) return { months: [], rows: [] };
  await ensureRollups(db, { tz: params.tz });
  const rows = await db
    .select({
      month: sql<string>`to_char(${rk.day}, 'YYYY-MM')`,
      kind: rk.kind,
      count: sumOf(rk.count),
      totalCents: sumOf(rk.amountCents),
    })
    .from(rk)
    .where(
      and(
        sql`${rk.grain} = 'm' and ${rk.day} between ${`${params.fromMonth}-01`}::date and ${`${params.toMonth}-01`}::date`,
        compensationRollupScope(params),
      ),
    )
    .groupBy(rk.day, rk.kind)
    .having(sql`sum(${rk.count}) > 0`)
    .orderBy(rk.day, sql`${rk.kind} collate "C"`);
  return { months: monthsBetween(params.fromMonth, params.toMonth), rows };
}
