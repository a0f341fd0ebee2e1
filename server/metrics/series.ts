import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { activeAt } from './churn';
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
import { communicatedInTime, outageInRegion } from './outages';
import { monthRows, within, type PeriodBounds } from './period';

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

/** The bounds of the month row `mo` produced by monthRows. */
const MONTH: PeriodBounds = { start: sql`mo.start`, end: sql`mo."end"` };

/** One row per month: `figures` is a lateral subquery evaluated against `mo.start`/`mo."end"`. */
function perMonth(params: MonthlySeriesParams, figures: SQL, outer: SQL = sql`f.*`): SQL {
  return sql`select mo.month, ${outer}
    from ${monthRows(params.fromMonth, params.toMonth, params.tz)} mo
    cross join lateral (${figures}) f
    order by mo.month`;
}

function churnSeries(db: Db, params: MonthlySeriesParams): Promise<Row[]> {
  const churned = within(sql`c.churned_at`, MONTH);
  return queryRows<Row>(
    db,
    perMonth(
      params,
      sql`select
          count(*) filter (where ${activeAt(MONTH.start)})::int as active,
          count(*) filter (where ${churned})::int as churned,
          coalesce(sum(c.monthly_fee_cents) filter (where ${churned}), 0) as churned_fees,
          coalesce(sum(c.monthly_fee_cents) filter (where ${activeAt(MONTH.start)}), 0) as start_fees
        from customers c where ${regionMatch(sql`c.region_code`, params.region)}`,
      sql`f.active, f.churned, ${ratio(sql`f.churned`, sql`f.active`)} as churn_rate,
        ${ratio(sql`f.churned_fees`, sql`f.start_fees`)} as revenue_churn_rate`,
    ),
  );
}

function retentionSeries(db: Db, params: MonthlySeriesParams): Promise<Row[]> {
  const closed = sql`r.outcome in ('saved', 'churned') and ${within(sql`r.closed_at`, MONTH)}`;
  return queryRows<Row>(
    db,
    perMonth(
      params,
      sql`select
          count(*) filter (where r.outcome = 'saved')::int as saved,
          count(*) filter (where r.outcome = 'churned')::int as lost,
          coalesce(sum(r.mrr_at_risk_cents - r.offer_monthly_discount_cents) filter (where r.outcome = 'saved'), 0)::bigint as saved_mrr
        from retention_cases r join customers c on c.id = r.customer_id
        where ${closed} and ${regionMatch(sql`c.region_code`, params.region)} and ${repMatch(sql`r.rep_id`, params.rep)}`,
      sql`f.saved, f.lost, ${ratio(sql`f.saved`, sql`f.saved + f.lost`)} as save_rate, f.saved_mrr`,
    ),
  );
}

function disputeSeries(db: Db, params: MonthlySeriesParams): Promise<Row[]> {
  const resolved = sql`(d.status in ('resolved', 'rejected') and ${within(sql`d.resolved_at`, MONTH)})`;
  const inSla = sql`d.resolved_at <= d.opened_at + make_interval(hours => ${params.disputeSlaHours}::int)`;
  return queryRows<Row>(
    db,
    perMonth(
      params,
      sql`select
          count(*) filter (where ${within(sql`d.opened_at`, MONTH)})::int as opened,
          count(*) filter (where ${resolved})::int as resolved,
          count(*) filter (where ${resolved} and ${inSla})::int as in_sla,
          count(*) filter (where d.opened_at < mo."end" and (d.resolved_at is null or d.resolved_at >= mo."end"))::int as backlog,
          ${percentile(0.5, sql`extract(epoch from (d.resolved_at - d.opened_at)) / 3600`, resolved)} as median_hours
        from disputes d join customers c on c.id = d.customer_id
        where d.opened_at < mo."end"
          and ${regionMatch(sql`c.region_code`, params.region)} and ${repMatch(sql`d.assigned_to_id`, params.rep)}`,
      sql`f.opened, f.resolved, f.backlog, ${ratio(sql`f.in_sla`, sql`f.resolved`)} as sla_rate, f.median_hours`,
    ),
  );
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

function compensationSeries(db: Db, params: MonthlySeriesParams): Promise<Row[]> {
  return queryRows<Row>(
    db,
    perMonth(
      params,
      sql`select count(*)::int as count, coalesce(sum(k.amount_cents), 0)::bigint as total
        from compensations k join customers c on c.id = k.customer_id
        where ${within(sql`k.issued_at`, MONTH)}
          and ${regionMatch(sql`c.region_code`, params.region)} and ${repMatch(sql`k.issued_by_id`, params.rep)}`,
    ),
  );
}

/**
 * The headline figures of each calendar month in a range, for sparklines and trend charts.
 * One query per family over generate_series, never one per month.
 */
export async function monthlySeries(db: Db, params: MonthlySeriesParams): Promise<MonthFigures[]> {
  if (params.fromMonth > params.toMonth) return [];
  const [churn, retention, disputes, outages, compensation] = await Promise.all([
    churnSeries(db, params),
    retentionSeries(db, params),
    disputeSeries(db, params),
    outageSeries(db, params),
    compensationSeries(db, params),
  ]);
  return churn.map((c, i) => {
    const r = retention[i] ?? {};
    const d = disputes[i] ?? {};
    const o = outages[i] ?? {};
    const k = compensation[i] ?? {};
    return {
      month: String(c.month),
      churn: {
        activeAtStart: toInt(c.active),
        churned: toInt(c.churned),
        churnRate: toNumberOrNull(c.churn_rate),
        revenueChurnRate: toNumberOrNull(c.revenue_churn_rate),
      },
      retention: {
        saved: toInt(r.saved),
        lost: toInt(r.lost),
        saveRate: toNumberOrNull(r.save_rate),
        savedMrrCents: toInt(r.saved_mrr),
      },
      disputes: {
        opened: toInt(d.opened),
        resolved: toInt(d.resolved),
        backlogAtEnd: toInt(d.backlog),
        slaComplianceRate: toNumberOrNull(d.sla_rate),
        medianHoursToResolve: toNumberOrNull(d.median_hours),
      },
      outages: {
        count: toInt(o.count),
        medianMinutesToCommunicate: toNumberOrNull(o.median_comm),
        commWithinTargetRate: toNumberOrNull(o.comm_rate),
      },
      compensation: { count: toInt(k.count), totalCents: toInt(k.total) },
    };
  });
}
