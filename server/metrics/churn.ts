import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { ratio, regionMatch, toInt, toNumberOrNull } from './filters';
import { periodBounds, within, type KpiPeriod } from './period';

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

/** Customer `c` is active at instant `t`: activated before it and not churned before it. */
export function activeAt(t: SQL): SQL {
  return sql`(c.activated_at < ${t} and (c.churned_at is null or c.churned_at >= ${t}))`;
}

/** The churn counts and rates of one period (the rep filter does not apply to churn). */
export async function churnFigures(db: Db, params: ChurnParams): Promise<ChurnFigures> {
  const bounds = periodBounds(params.period);
  const inRegion = regionMatch(sql`c.region_code`, params.region);
  const churnedInP = within(sql`c.churned_at`, bounds);

  const [totals, byCategory, byCompetitor] = await Promise.all([
    queryRows<Record<string, unknown>>(
      db,
      sql`select t."activeAtStart", t.joined, t.churned, t."activeAtEnd",
          ${ratio(sql`t.churned`, sql`t."activeAtStart"`)} as "churnRate",
          ${ratio(sql`t.churned_fees`, sql`t.start_fees`)} as "revenueChurnRate"
        from (
          select
            count(*) filter (where ${activeAt(bounds.start)})::int as "activeAtStart",
            count(*) filter (where ${within(sql`c.activated_at`, bounds)})::int as joined,
            count(*) filter (where ${churnedInP})::int as churned,
            count(*) filter (where ${activeAt(bounds.end)})::int as "activeAtEnd",
            coalesce(sum(c.monthly_fee_cents) filter (where ${churnedInP}), 0) as churned_fees,
            coalesce(sum(c.monthly_fee_cents) filter (where ${activeAt(bounds.start)}), 0) as start_fees
          from customers c
          where ${inRegion}
        ) t`,
    ),
    queryRows<{ category: string; count: unknown }>(
      db,
      sql`select c.churn_category as category, count(*)::int as count
        from customers c
        where ${churnedInP} and ${inRegion}
        group by c.churn_category
        order by count(*) desc, c.churn_category collate "C"`,
    ),
    queryRows<{ competitor: string; count: unknown }>(
      db,
      sql`select c.competitor, count(*)::int as count
        from customers c
        where ${churnedInP} and ${inRegion} and nullif(trim(c.competitor), '') is not null
        group by c.competitor
        order by count(*) desc, c.competitor collate "C"`,
    ),
  ]);

  const row = totals[0] ?? {};
  return {
    activeAtStart: toInt(row.activeAtStart),
    joined: toInt(row.joined),
    churned: toInt(row.churned),
    activeAtEnd: toInt(row.activeAtEnd),
    churnRate: toNumberOrNull(row.churnRate),
    revenueChurnRate: toNumberOrNull(row.revenueChurnRate),
    byCategory: byCategory.map((r) => ({ category: r.category, count: toInt(r.count) })),
    byCompetitor: byCompetitor.map((r) => ({ competitor: r.competitor, count: toInt(r.count) })),
  };
}
