import 'server-only';
import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import {
  rollupCompensations as rk,
  rollupCustomers as rc,
  rollupDisputes as rd,
  rollupRetention as rr,
} from '@/db/schema';
import { compensationRollupScope } from './compensation';
import { disputeMeasures, disputeRollupScope } from './disputes';
import {
  minutesBetween,
  percentile,
  ratio,
  regionMatch,
  repMatch,
  toInt,
  toNumberOrNull,
  type KpiFilters,
} from './filters';
import { monthsBetween } from './month-range';
import { communicatedInTime, outageInRegion } from './outages';
import { monthRows, within, type PeriodBounds } from './period';
import { closedMeasures } from './retention';
import { ensureRollups } from './rollups/state';
import { ratioOf, sumOf } from './rollups/sum';
import { disputeResolvedIn, hoursToResolve } from './rules/disputes';

export interface MonthlySeriesParams extends KpiFilters {
  /** Calendar months YYYY-MM, inclusive, in the report time zone. */
  fromMonth: string;
  toMonth: string;
  tz: string;
  disputeSlaHours: number;
  commTargetMinutes: number;
}

export interface MonthFigures {
  month: string;
  churn: { activeAtStart: number; churned: number; churnRate: number | null; revenueChurnRate: number | null };
  retention: { saved: number; lost: number; saveRate: number | null; savedMrrCents: number };
  disputes: {
    opened: number;
    resolved: number;
    backlogAtEnd: number;
    slaComplianceRate: number | null;
    medianHoursToResolve: number | null;
  };
  outages: { count: number; medianMinutesToCommunicate: number | null; commWithinTargetRate: number | null };
  compensation: { count: number; totalCents: number };
}

type Row = Record<string, unknown>;

const months = (params: MonthlySeriesParams) => monthsBetween(params.fromMonth, params.toMonth);

/** The bounds of the month row `mo` produced by monthRows. */
const MONTH: PeriodBounds = { start: sql`mo.start`, end: sql`mo."end"` };

/** One row per month: `figures` is a lateral subquery evaluated against `mo.start`/`mo."end"`. */
function perMonth(params: MonthlySeriesParams, figures: SQL, outer: SQL = sql`f.*`): SQL {
  return sql`select mo.month, ${outer}
    from ${monthRows(params.fromMonth, params.toMonth, params.tz)} mo
    cross join lateral (${figures}) f
    order by mo.month`;
}

/** The 'm' rollup rows of a table up to `toMonth` (from `fromMonth`, or from the start of history). */
function monthRowsOf(table: { grain: AnyColumn; day: AnyColumn }, toMonth: string, fromMonth?: string): SQL {
  const from = fromMonth === undefined ? sql`` : sql` and ${table.day} >= ${`${fromMonth}-01`}::date`;
  return sql`(${table.grain} = 'm' and ${table.day} <= ${`${toMonth}-01`}::date${from})`;
}

const monthOf = (day: AnyColumn) => sql<string>`to_char(${day}, 'YYYY-MM')`;

/** Active at the start of each month: everyone activated in an earlier month less everyone churned in one. */
async function churnSeries(db: Db, params: MonthlySeriesParams) {
  const rows = await db
    .select({
      month: monthOf(rc.day),
      joined: sumOf(rc.joined),
      joinedFees: sumOf(rc.joinedFeesCents),
      churned: sumOf(rc.churned),
      churnedFees: sumOf(rc.churnedFeesCents),
    })
    .from(rc)
    .where(and(monthRowsOf(rc, params.toMonth), regionMatch(sql`${rc.regionCode}`, params.region)))
    .groupBy(rc.day)
    .orderBy(rc.day);
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  let active = 0;
  let activeFees = 0;
  for (const r of rows) {
    if (r.month >= params.fromMonth) break;
    active += r.joined - r.churned;
    activeFees += r.joinedFees - r.churnedFees;
  }
  return months(params).map((month) => {
    const r = byMonth.get(month);
    const figures = {
      activeAtStart: active,
      churned: r?.churned ?? 0,
      churnRate: ratioOf(r?.churned ?? 0, active),
      revenueChurnRate: ratioOf(r?.churnedFees ?? 0, activeFees),
    };
    active += (r?.joined ?? 0) - (r?.churned ?? 0);
    activeFees += (r?.joinedFees ?? 0) - (r?.churnedFees ?? 0);
    return figures;
  });
}

async function retentionSeries(db: Db, params: MonthlySeriesParams) {
  const rows = await db
    .select({ month: monthOf(rr.day), ...closedMeasures })
    .from(rr)
    .where(
      and(
        eq(rr.event, 'closed'),
        monthRowsOf(rr, params.toMonth, params.fromMonth),
        regionMatch(sql`${rr.regionCode}`, params.region),
        repMatch(sql`${rr.repId}`, params.rep),
      ),
    )
    .groupBy(rr.day);
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return months(params).map((month) => {
    const r = byMonth.get(month);
    const saved = r?.saved ?? 0;
    const lost = (r?.closed ?? 0) - saved;
    return { saved, lost, saveRate: ratioOf(saved, saved + lost), savedMrrCents: r?.savedMrrCents ?? 0 };
  });
}

/** The exact median hours to resolve of each month, from the disputes resolved in it. */
function disputeMedianSeries(db: Db, params: MonthlySeriesParams): Promise<Row[]> {
  return queryRows<Row>(
    db,
    perMonth(
      params,
      sql`select ${percentile(0.5, hoursToResolve)} as median_hours
        from disputes d join customers c on c.id = d.customer_id
        where ${disputeResolvedIn(MONTH)}
          and ${regionMatch(sql`c.region_code`, params.region)} and ${repMatch(sql`d.assigned_to_id`, params.rep)}`,
    ),
  );
}

async function disputeSeries(db: Db, params: MonthlySeriesParams) {
  const [rows, medians] = await Promise.all([
    db
      .select({
        month: monthOf(rd.day),
        ...disputeMeasures,
        flow: sumOf(sql`case when ${rd.event} = 'opened' then ${rd.disputes} else -${rd.disputes} end`),
      })
      .from(rd)
      .where(and(monthRowsOf(rd, params.toMonth), disputeRollupScope(params)))
      .groupBy(rd.day)
      .orderBy(rd.day),
    disputeMedianSeries(db, params),
  ]);
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  let backlog = 0;
  for (const r of rows) {
    if (r.month >= params.fromMonth) break;
    backlog += r.flow;
  }
  return months(params).map((month, i) => {
    const r = byMonth.get(month);
    backlog += r?.flow ?? 0;
    const resolved = r?.resolved ?? 0;
    return {
      opened: r?.opened ?? 0,
      resolved,
      backlogAtEnd: backlog,
      slaComplianceRate: ratioOf(r?.inSla ?? 0, resolved),
      medianHoursToResolve: toNumberOrNull(medians[i]?.median_hours),
    };
  });
}

function outageSeries(db: Db, params: MonthlySeriesParams): Promise<Row[]> {
  return queryRows<Row>(
    db,
    perMonth(
      params,
      sql`select count(*)::int as count,
          ${percentile(0.5, minutesBetween(sql`o.started_at`, sql`o.public_comm_at`))} as median_comm,
          ${ratio(sql`count(*) filter (where ${communicatedInTime(params.commTargetMinutes)})`, sql`count(*)`)} as comm_rate
        from outages o
        where ${within(sql`o.started_at`, MONTH)} and ${outageInRegion(params.region)}`,
    ),
  );
}

async function compensationSeries(db: Db, params: MonthlySeriesParams) {
  const rows = await db
    .select({ month: monthOf(rk.day), count: sumOf(rk.count), totalCents: sumOf(rk.amountCents) })
    .from(rk)
    .where(and(monthRowsOf(rk, params.toMonth, params.fromMonth), compensationRollupScope(params)))
    .groupBy(rk.day);
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return months(params).map((month) => ({
    count: byMonth.get(month)?.count ?? 0,
    totalCents: byMonth.get(month)?.totalCents ?? 0,
  }));
}

/**
 * The headline figures of each calendar month in a range, for sparklines and trend charts.
 * One query per family over generate_series, never one per month.
 */
export async function monthlySeries(db: Db, params: MonthlySeriesParams): Promise<MonthFigures[]> {
  if (params.fromMonth > params.toMonth) return [];
  await ensureRollups(db, { tz: params.tz, disputeSlaHours: params.disputeSlaHours });
  const [churn, retention, disputes, outages, compensation] = await Promise.all([
    churnSeries(db, params),
    retentionSeries(db, params),
    disputeSeries(db, params),
    outageSeries(db, params),
    compensationSeries(db, params),
  ]);
  return months(params).map((month, i) => {
    const o = outages[i] ?? {};
    return {
      month,
      churn: churn[i] ?? { activeAtStart: 0, churned: 0, churnRate: null, revenueChurnRate: null },
      retention: retention[i] ?? { saved: 0, lost: 0, saveRate: null, savedMrrCents: 0 },
      disputes: disputes[i] ?? {
        opened: 0,
        resolved: 0,
        backlogAtEnd: 0,
        slaComplianceRate: null,
        medianHoursToResolve: null,
      },
      outages: {
        count: toInt(o.count),
        medianMinutesToCommunicate: toNumberOrNull(o.median_comm),
        commWithinTargetRate: toNumberOrNull(o.comm_rate),
      },
      compensation: compensation[i] ?? { count: 0, totalCents: 0 },
    };
  });
}
