import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { activeAt } from './churn';
import { ratio, regionMatch, toInt, toNumberOrNull } from './filters';
import { monthRows } from './period';

export const COHORT_HORIZON_MONTHS = 12;

export interface CohortRetentionParams {
  /** Activation months YYYY-MM, inclusive, in the report time zone. */
  fromMonth: string;
  toMonth: string;
  region: string | null;
  tz: string;
  /** "Now" for deciding which months are still in the future; defaults to the current time. */
  asOf?: Date;
}

export interface CohortRow {
  /** Activation month, YYYY-MM. */
  cohort: string;
  size: number;
  /**
   * `retention[k - 1]`: share of the cohort active at the start of month m+k, k = 1..12;
   * null when that instant is after `asOf` or after the data's last customer event, or the cohort is empty.
   */
  retention: (number | null)[];
}

/** For customers activated in each month, the share still active 1..12 months later. */
export async function cohortRetention(db: Db, params: CohortRetentionParams): Promise<CohortRow[]> {
  const asOf = (params.asOf ?? new Date()).toISOString();
  const inRegion = regionMatch(sql`c.region_code`, params.region);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with horizon as (
        -- The data only tells who was active up to its latest customer event.
        select least(${asOf}::timestamptz, max(greatest(c.activated_at, coalesce(c.churned_at, c.activated_at)))) as at
        from customers c
      ), offsets as (
        select mo.month, mo.start, mo."end", k,
          ((mo.start at time zone ${params.tz}) + make_interval(months => k)) at time zone ${params.tz} as t
        from ${monthRows(params.fromMonth, params.toMonth, params.tz)} mo
        cross join generate_series(1, ${COHORT_HORIZON_MONTHS}::int) as k
      )
      select x.month, x.k, f.size,
        case when x.t <= h.at then ${ratio(sql`f.active`, sql`f.size`)} end as share
      from offsets x
      cross join horizon h
      cross join lateral (
        select count(*)::int as size, count(*) filter (where ${activeAt(sql`x.t`)})::int as active
        from customers c
        where c.activated_at >= x.start and c.activated_at < x."end" and ${inRegion}
      ) f
      order by x.month, x.k`,
  );

  const cohorts = new Map<string, CohortRow>();
  for (const row of rows) {
    const month = String(row.month);
    let cohort = cohorts.get(month);
    if (!cohort) {
      cohort = { cohort: month, size: toInt(row.size), retention: [] };
      cohorts.set(month, cohort);
    }
    cohort.retention.push(toNumberOrNull(row.share));
  }
  return [...cohorts.values()];
}
