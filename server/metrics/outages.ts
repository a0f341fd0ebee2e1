import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { activeAt } from './churn';
import { minutesBetween, percentile, ratio, regionMatch, toInt, toNumberOrNull } from './filters';
import { periodBounds, within, type KpiPeriod } from './period';

export const OUTAGE_MILESTONES = [
  { milestone: 'detect', column: 'detected_at' },
  { milestone: 'communicate', column: 'public_comm_at' },
  { milestone: 'ivr', column: 'ivr_message_at' },
  { milestone: 'sms', column: 'sms_sent_at' },
  { milestone: 'brief', column: 'agents_briefed_at' },
  { milestone: 'resolve', column: 'resolved_at' },
] as const;

export type OutageMilestone = (typeof OUTAGE_MILESTONES)[number]['milestone'];

export interface MilestoneFigures {
  milestone: OutageMilestone;
  median: number | null;
  p90: number | null;
  missing: number;
}

export interface OutageFigures {
  count: number;
  affectedCustomers: number;
  commWithinTargetRate: number | null;
  milestones: MilestoneFigures[];
}

export interface OutageParams {
  period: KpiPeriod;
  region: string | null;
  commTargetMinutes: number;
}

/** Outage `o` affects the region (true without a region filter). */
export function outageInRegion(region: string | null): SQL {
  return region === null
    ? sql`true`
    : sql`exists (select 1 from outage_regions orr where orr.outage_id = o.id and orr.region_code = ${region})`;
}

/** `o.public_comm_at` within the target; an outage never communicated is outside it. */
export function communicatedInTime(commTargetMinutes: number): SQL {
  return sql`coalesce(o.public_comm_at <= o.started_at + make_interval(mins => ${commTargetMinutes}::int), false)`;
}

/**
 * Customer `c` is affected by outage `o`: active when it started, billed at one of its postcodes
 * or, when it lists none, in one of its regions; with a region filter only that region's customers.
 * The one definition: the KPI count below and the outage page's lists and credits all use it.
 */
export function affectedCustomer(region: string | null): SQL {
  return sql`${activeAt(sql`o.started_at`)} and ${regionMatch(sql`c.region_code`, region)}
      and case when exists (select 1 from outage_postcodes op where op.outage_id = o.id)
        then c.postcode in (select op.postcode from outage_postcodes op where op.outage_id = o.id)
        else c.region_code in (select orr.region_code from outage_regions orr where orr.outage_id = o.id)
      end`;
}

/** How many customers outage `o` affected (see affectedCustomer). */
export function affectedCount(region: string | null): SQL {
  return sql`(select count(*) from customers c
    where ${affectedCustomer(region)})`;
}

const col = (column: string) => sql.raw(`o.${column}`);
const alias = (milestone: string, figure: string) => sql.raw(`"${milestone}_${figure}"`);

/** Outages that started in the period: how many, whom they hit, and how fast each milestone came. */
export async function outageFigures(db: Db, params: OutageParams): Promise<OutageFigures> {
  const bounds = periodBounds(params.period);
  const milestoneColumns = sql.join(
    OUTAGE_MILESTONES.map(({ milestone, column }) => {
      const minutes = minutesBetween(sql`o.started_at`, col(column));
      return sql`${percentile(0.5, minutes)} as ${alias(milestone, 'median')},
        ${percentile(0.9, minutes)} as ${alias(milestone, 'p90')},
        count(*) filter (where ${col(column)} is null)::int as ${alias(milestone, 'missing')}`;
    }),
    sql`, `,
  );

  const [row = {}] = await queryRows<Record<string, unknown>>(
    db,
    sql`with o as (
        select o.*, ${affectedCount(params.region)} as affected
        from outages o
        where ${within(sql`o.started_at`, bounds)} and ${outageInRegion(params.region)}
      )
      select count(*)::int as count,
        coalesce(sum(o.affected), 0)::bigint as "affectedCustomers",
        ${ratio(sql`count(*) filter (where ${communicatedInTime(params.commTargetMinutes)})`, sql`count(*)`)} as "commWithinTargetRate",
        ${milestoneColumns}
      from o`,
  );

  return {
    count: toInt(row.count),
    affectedCustomers: toInt(row.affectedCustomers),
    commWithinTargetRate: toNumberOrNull(row.commWithinTargetRate),
    milestones: OUTAGE_MILESTONES.map(({ milestone }) => ({
      milestone,
      median: toNumberOrNull(row[`${milestone}_median`]),
      p90: toNumberOrNull(row[`${milestone}_p90`]),
      missing: toInt(row[`${milestone}_missing`]),
    })),
  };
}
