import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { ratio, regionMatch, toInt, toNumberOrNull } from './filters';
import { monthRows } from './period';

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
 * One pass over customers: churned_at >= activated_at, so the customers active at the start of a
 * month are those activated in earlier months minus those churned in earlier months (months of the
 * instants in the report time zone, so "earlier month" is exactly "before the month's start").
 */
export async function monthlyChurnByRegion(db: Db, params: MonthlyChurnByRegionParams): Promise<RegionMonthChurn[]> {
  if (params.fromMonth > params.toMonth) return [];
  const inRegion = regionMatch(sql`c.region_code`, params.region);
  const monthOf = (instant: SQL) => sql`to_char(${instant} at time zone ${params.tz}, 'YYYY-MM')`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with events as (
        select c.region_code as region, ${monthOf(sql`c.activated_at`)} as month,
          1 as delta, c.monthly_fee_cents as fee_delta, 0 as churned, 0::bigint as churned_fees
        from customers c where ${inRegion}
        union all
        select c.region_code, ${monthOf(sql`c.churned_at`)}, -1, -c.monthly_fee_cents, 1, c.monthly_fee_cents
        from customers c where c.churned_at is not null and ${inRegion}
      ), per_month as (
        select region, month, sum(delta) as delta, sum(fee_delta) as fee_delta,
          sum(churned) as churned, sum(churned_fees) as churned_fees
        from events group by region, month
      ), figures as (
        select mo.month, r.region,
          coalesce((select sum(p.delta) from per_month p where p.region = r.region and p.month < mo.month), 0) as active,
          coalesce((select sum(p.fee_delta) from per_month p where p.region = r.region and p.month < mo.month), 0) as start_fees,
          coalesce(m.churned, 0) as churned,
          coalesce(m.churned_fees, 0) as churned_fees
        from ${monthRows(params.fromMonth, params.toMonth, params.tz)} mo
        cross join (select distinct region from per_month) r
        left join per_month m on m.region = r.region and m.month = mo.month
      )
      select month, region, active::int as active, churned::int as churned,
        ${ratio(sql`churned`, sql`active`)} as churn_rate,
        ${ratio(sql`churned_fees`, sql`start_fees`)} as revenue_churn_rate
      from figures
      order by month, region collate "C"`,
  );
  return rows.map((r) => ({
    month: String(r.month),
    region: String(r.region),
    activeAtStart: toInt(r.active),
    churned: toInt(r.churned),
    churnRate: toNumberOrNull(r.churn_rate),
    revenueChurnRate: toNumberOrNull(r.revenue_churn_rate),
  }));
}
