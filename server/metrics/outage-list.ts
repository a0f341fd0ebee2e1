import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import type { OutageSeverity } from '@/lib/vocabularies';
import { minutesBetween, toInt, toNumberOrNull } from './filters';
import { affectedCount, OUTAGE_MILESTONES, outageInRegion, type OutageMilestone } from './outages';
import { periodBounds, within, type KpiPeriod } from './period';

export interface OutageListParams {
  period: KpiPeriod;
  region: string | null;
}

export interface OutageListRow {
  ref: string;
  title: string;
  severity: OutageSeverity;
  regions: string[];
  postcodes: number;
  /** ISO instant, and the same instant in the report time zone as `YYYY-MM-DD HH:MI`. */
  startedAt: string;
  startedLocal: string;
  /** Minutes from `started_at` to each milestone (fractional); null when it has not happened. */
  minutes: Record<OutageMilestone, number | null>;
  /** The KPI engine's `affectedCustomers` of this one outage. */
  affectedCustomers: number;
}

/**
 * The outages of `outageFigures` one by one (started in P, affecting the region filter), latest
 * first: their milestones and affected customers, counted with the KPI engine's own SQL.
 */
export async function outageList(db: Db, params: OutageListParams): Promise<OutageListRow[]> {
  const bounds = periodBounds(params.period);
  const milestoneColumns = sql.join(
    OUTAGE_MILESTONES.map(
      ({ milestone, column }) =>
        sql`(${minutesBetween(sql`o.started_at`, sql.raw(`o.${column}`))})::float8 as ${sql.raw(`"${milestone}"`)}`,
    ),
    sql`, `,
  );
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select o.outage_ref as ref, o.title, o.severity,
        to_char(o.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "startedAt",
        to_char(o.started_at at time zone ${params.period.tz}, 'YYYY-MM-DD HH24:MI') as "startedLocal",
        array(select orr.region_code from outage_regions orr where orr.outage_id = o.id order by orr.region_code collate "C") as regions,
        (select count(*) from outage_postcodes op where op.outage_id = o.id)::int as postcodes,
        ${affectedCount(params.region)}::int as affected,
        ${milestoneColumns}
      from outages o
      where ${within(sql`o.started_at`, bounds)} and ${outageInRegion(params.region)}
      order by o.started_at desc, o.outage_ref collate "C"`,
  );
  return rows.map((r) => ({
    ref: String(r.ref),
    title: String(r.title),
    severity: String(r.severity) as OutageSeverity,
    regions: toStringArray(r.regions),
    postcodes: toInt(r.postcodes),
    startedAt: String(r.startedAt),
    startedLocal: String(r.startedLocal),
    minutes: Object.fromEntries(
      OUTAGE_MILESTONES.map(({ milestone }) => [milestone, toNumberOrNull(r[milestone])]),
    ) as Record<OutageMilestone, number | null>,
    affectedCustomers: toInt(r.affected),
  }));
}

/** A text[] arrives as an array from both drivers; guard against a literal `{a,b}` all the same. */
function toStringArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string')
    return value
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean);
  return [];
}
