import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { activeAt } from './churn';
import { regionMatch, toInt } from './filters';
import { affectedCustomer, outageInRegion } from './outages';
import { periodBounds, within, type KpiPeriod } from './period';

export interface OutageEffectParams {
  period: KpiPeriod;
  region: string | null;
  /** Tells which 30-day windows are still running. */
  now?: Date;
}

/** One group of customers over the 30 days after an outage's start. */
export interface EffectGroup {
  /** Customers active at the start, once per outage (a customer hit twice counts twice). */
  customers: number;
  disputes: number;
  /** Disputes opened in the window per 1,000 customers; null without customers. */
  disputesPer1000: number | null;
  churned: number;
  /** Churned in the window / customers; null without customers. */
  churnRate: number | null;
}

export interface OutageEffectRow {
  ref: string;
  title: string;
  startedAt: string;
  /** The 30 days after the start have not all passed yet. */
  windowOpen: boolean;
  affected: EffectGroup;
  others: EffectGroup;
}

export interface OutageEffect {
  outages: number;
  windowsOpen: number;
  affected: EffectGroup;
  others: EffectGroup;
  byOutage: OutageEffectRow[];
}

/** 30 days as a fixed 720 hours, so a daylight-saving change does not move the window. */
const WINDOW = sql`interval '720 hours'`;

function group(customers: number, disputes: number, churned: number): EffectGroup {
  return {
    customers,
    disputes,
    disputesPer1000: customers === 0 ? null : (disputes * 1000) / customers,
    churned,
    churnRate: customers === 0 ? null : churned / customers,
  };
}

/**
 * What an outage did to its customers: for the outages started in P (affecting the region
 * filter), the customers each one affected against everyone else active at its start (with a
 * region filter, that region's customers only), over the 30 days from the start: disputes opened
 * per 1,000 customers and the share that churned. Totals pool the outages' customer windows.
 */
export async function outageEffect(db: Db, params: OutageEffectParams): Promise<OutageEffect> {
  const bounds = periodBounds(params.period);
  const now = (params.now ?? new Date()).toISOString();
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with o as (
        select o.id, o.outage_ref, o.title, o.started_at, o.started_at + ${WINDOW} as window_end
        from outages o
        where ${within(sql`o.started_at`, bounds)} and ${outageInRegion(params.region)}
      ),
      d as (
        select o.id as outage_id, d.customer_id, count(*) as n
        from o join disputes d on d.opened_at >= o.started_at and d.opened_at < o.window_end
        group by o.id, d.customer_id
      ),
      p as (
        select o.id as outage_id,
          coalesce(${affectedCustomer(params.region)}, false) as affected,
          coalesce(c.churned_at < o.window_end, false) as churned,
          coalesce(d.n, 0) as disputes
        from o
        join customers c on ${activeAt(sql`o.started_at`)} and ${regionMatch(sql`c.region_code`, params.region)}
        left join d on d.outage_id = o.id and d.customer_id = c.id
      ),
      g as (
        select p.outage_id,
          count(*) filter (where p.affected)::int as a_customers,
          coalesce(sum(p.disputes) filter (where p.affected), 0)::int as a_disputes,
          count(*) filter (where p.affected and p.churned)::int as a_churned,
          count(*) filter (where not p.affected)::int as u_customers,
          coalesce(sum(p.disputes) filter (where not p.affected), 0)::int as u_disputes,
          count(*) filter (where not p.affected and p.churned)::int as u_churned
        from p group by p.outage_id
      )
      select o.outage_ref as ref, o.title,
        to_char(o.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "startedAt",
        o.window_end > ${now}::timestamptz as window_open,
        g.a_customers, g.a_disputes, g.a_churned, g.u_customers, g.u_disputes, g.u_churned
      from o left join g on g.outage_id = o.id
      order by o.started_at desc, o.outage_ref collate "C"`,
  );
  const byOutage = rows.map((r) => ({
    ref: String(r.ref),
    title: String(r.title),
    startedAt: String(r.startedAt),
    windowOpen: r.window_open === true,
    affected: group(toInt(r.a_customers), toInt(r.a_disputes), toInt(r.a_churned)),
    others: group(toInt(r.u_customers), toInt(r.u_disputes), toInt(r.u_churned)),
  }));
  const pool = (pick: (row: OutageEffectRow) => EffectGroup) =>
    group(
      byOutage.reduce((s, r) => s + pick(r).customers, 0),
      byOutage.reduce((s, r) => s + pick(r).disputes, 0),
      byOutage.reduce((s, r) => s + pick(r).churned, 0),
    );
  return {
    outages: byOutage.length,
    windowsOpen: byOutage.filter((r) => r.windowOpen).length,
    affected: pool((r) => r.affected),
    others: pool((r) => r.others),
    byOutage,
  };
}
