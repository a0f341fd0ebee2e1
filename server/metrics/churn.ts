import 'server-only';
import { and, desc, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rollupCustomers as rc } from '@/db/schema';
import { regionMatch } from './filters';
import type { KpiPeriod } from './period';
import { dayAfter, grainsBefore, inGrains, periodGrains } from './rollups/days';
import { ensureRollups } from './rollups/state';
import { ratioOf, sumOf } from './rollups/sum';

export { activeAt } from './rules/customers';

export interface ChurnFigures {
  activeAtStart: number;
  joined: number;
  churned: number;
  activeAtEnd: number;
  churnRate: number | null;
  revenueChurnRate: number | null;
  byCategory: { category: string; count: number }[];
  byCompetitor: { competitor: string; count: number }[];
}

export interface ChurnParams {
  period: KpiPeriod;
  region: string | null;
}


/**
 * The churn counts and rates of one period (the rep filter does not apply to churn), from the
 * customers rollup: active at an instant is everyone activated on an earlier day less everyone
 * churned on an earlier day (churned_at >= activated_at), days of the report time zone.
 */
export async function churnFigures(db: Db, params: ChurnParams): Promise<ChurnFigures> {
  await ensureRollups(db, { tz: params.period.tz });
  const { from, to } = params.period;
  const inRegion = regionMatch(sql`${rc.regionCode}`, params.region);
  const inP = inGrains(rc, periodGrains(from, to));
  const beforeStart = inGrains(rc, grainsBefore(from));
  const beforeEnd = inGrains(rc, grainsBefore(dayAfter(to)));
  const churnedInP = sumOf(rc.churned);

  const [[row], byCategory, byCompetitor] = await Promise.all([
    db
      .select({
        joinedBeforeStart: sumOf(sql`${rc.joined}`, beforeStart),
        churnedBeforeStart: sumOf(sql`${rc.churned}`, beforeStart),
        feesBeforeStart: sumOf(sql`(${rc.joinedFeesCents} - ${rc.churnedFeesCents})`, beforeStart),
        activeAtEnd: sumOf(sql`(${rc.joined} - ${rc.churned})`, beforeEnd),
        joined: sumOf(sql`${rc.joined}`, inP),
        churned: sumOf(sql`${rc.churned}`, inP),
        churnedFees: sumOf(sql`${rc.churnedFeesCents}`, inP),
      })
      .from(rc)
      .where(and(inRegion, sql`(${beforeStart} or ${beforeEnd} or ${inP})`)),
    db
      .select({ category: rc.churnCategory, count: churnedInP })
      .from(rc)
      .where(and(inP, inRegion, ne(rc.churnCategory, '')))
      .groupBy(rc.churnCategory)
      .having(sql`sum(${rc.churned}) > 0`)
      .orderBy(desc(sql`sum(${rc.churned})`), sql`${rc.churnCategory} collate "C"`),
    db
      .select({ competitor: rc.competitor, count: churnedInP })
      .from(rc)
      .where(and(inP, inRegion, ne(rc.competitor, '')))
      .groupBy(rc.competitor)
      .having(sql`sum(${rc.churned}) > 0`)
      .orderBy(desc(sql`sum(${rc.churned})`), sql`${rc.competitor} collate "C"`),
  ]);

  const activeAtStart = (row?.joinedBeforeStart ?? 0) - (row?.churnedBeforeStart ?? 0);
  const churned = row?.churned ?? 0;
  return {
    activeAtStart,
    joined: row?.joined ?? 0,
    churned,
    activeAtEnd: row?.activeAtEnd ?? 0,
    churnRate: ratioOf(churned, activeAtStart),
    revenueChurnRate: ratioOf(row?.churnedFees ?? 0, row?.feesBeforeStart ?? 0),
    byCategory,
    byCompetitor,
  };
}
