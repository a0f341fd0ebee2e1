import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { percentile, ratio, regionMatch, repMatch, toInt, toNumberOrNull, type KpiFilters } from './filters';
import type { DisputeParams } from './disputes';
import { monthRows, periodBounds, within, type PeriodBounds } from './period';

export interface MonthlyByCauseParams extends KpiFilters {
  /** Calendar months YYYY-MM, inclusive, in the report time zone. */
  fromMonth: string;
  toMonth: string;
  tz: string;
}

export interface MonthlyByCause {
  months: string[];
  /** Only the (month, cause) pairs with disputes, by month then cause. */
  rows: { month: string; cause: string; count: number; disputedCents: number }[];
}

export interface DisputesByRepRow {
  /** The assigned rep's email; null for disputes nobody is assigned to. */
  rep: string | null;
  name: string | null;
  opened: number;
  resolved: number;
  slaComplianceRate: number | null;
  medianHoursToResolve: number | null;
  creditedCents: number;
}

export interface FirstBillBySellerRow {
  /** The email of the rep who sold the contract (customers.sold_by); null when none is recorded. */
  seller: string | null;
  name: string | null;
  count: number;
  disputedCents: number;
  /** Of these disputes, how many were found undue (`undue_charge = true`) so far. */
  undueSoFar: number;
  /** Credited on these disputes so far. */
  creditedSoFarCents: number;
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const FROM = sql`disputes d join customers c on c.id = d.customer_id`;
const scope = (filters: KpiFilters) =>
  sql`${regionMatch(sql`c.region_code`, filters.region)} and ${repMatch(sql`d.assigned_to_id`, filters.rep)}`;
const resolvedIn = (bounds: PeriodBounds) =>
  sql`(d.status in ('resolved', 'rejected') and ${within(sql`d.resolved_at`, bounds)})`;

/** Disputes opened in each calendar month, by cause (docs/metrics.md `byCause` with P = each month). */
export async function disputesOpenedByCauseMonthly(db: Db, params: MonthlyByCauseParams): Promise<MonthlyByCause> {
  const months = monthRows(params.fromMonth, params.toMonth, params.tz);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select mo.month, d.cause, count(d.id)::int as count,
        coalesce(sum(d.disputed_amount_cents), 0)::bigint as "disputedCents"
      from ${months} mo
      left join (${FROM}) on ${within(sql`d.opened_at`, { start: sql`mo.start`, end: sql`mo."end"` })} and ${scope(params)}
      group by mo.month, d.cause
      order by mo.month, d.cause collate "C"`,
  );
  return {
    months: [...new Set(rows.map((r) => String(r.month)))],
    rows: rows
      .filter((r) => r.cause !== null)
      .map((r) => ({
        month: String(r.month),
        cause: String(r.cause),
        count: toInt(r.count),
        disputedCents: toInt(r.disputedCents),
      })),
  };
}

/**
 * The dispute figures of docs/metrics.md per assigned rep: opened in P, resolved in P, SLA compliance
 * and median hours over those resolved, credited over those resolved. Sorted by email, unassigned last.
 */
export async function disputesByRep(db: Db, params: DisputeParams): Promise<DisputesByRepRow[]> {
  const bounds = periodBounds(params.period);
  const openedInP = within(sql`d.opened_at`, bounds);
  const resolvedInP = resolvedIn(bounds);
  const withinSla = sql`d.resolved_at <= d.opened_at + make_interval(hours => ${params.disputeSlaHours}::int)`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select t.rep, t.name, t.opened, t.resolved,
        ${ratio(sql`t.in_sla`, sql`t.resolved`)} as "slaComplianceRate",
        t.median_hours as "medianHoursToResolve", t.credited::bigint as "creditedCents"
      from (
        select u.email as rep, u.name,
          count(*) filter (where ${openedInP})::int as opened,
          count(*) filter (where ${resolvedInP})::int as resolved,
          count(*) filter (where ${resolvedInP} and ${withinSla})::int as in_sla,
          coalesce(sum(d.credited_amount_cents) filter (where ${resolvedInP}), 0) as credited,
          ${percentile(0.5, sql`extract(epoch from (d.resolved_at - d.opened_at)) / 3600`, resolvedInP)} as median_hours
        from ${FROM} left join users u on u.id = d.assigned_to_id
        where (${openedInP} or ${resolvedInP}) and ${scope(params)}
        group by u.email, u.name
      ) t
      order by t.rep collate "C" nulls last`,
  );
  return rows.map((r) => ({
    rep: textOrNull(r.rep),
    name: textOrNull(r.name),
    opened: toInt(r.opened),
    resolved: toInt(r.resolved),
    slaComplianceRate: toNumberOrNull(r.slaComplianceRate),
    medianHoursToResolve: toNumberOrNull(r.medianHoursToResolve),
    creditedCents: toInt(r.creditedCents),
  }));
}

/**
 * First-bill disputes (`bill_number = 1`) opened in P, by the rep who sold the contract:
 * the sale owns the follow-up. Sorted by count desc, then seller email (none last on a tie).
 */
export async function firstBillDisputesBySeller(db: Db, params: DisputeParams): Promise<FirstBillBySellerRow[]> {
  const bounds = periodBounds(params.period);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select s.email as seller, s.name, count(*)::int as count,
        coalesce(sum(d.disputed_amount_cents), 0)::bigint as "disputedCents",
        count(*) filter (where d.undue_charge)::int as "undueSoFar",
        coalesce(sum(d.credited_amount_cents), 0)::bigint as "creditedSoFarCents"
      from ${FROM} left join users s on s.id = c.sold_by_id
      where ${within(sql`d.opened_at`, bounds)} and d.bill_number = 1 and ${scope(params)}
      group by s.email, s.name
      order by count(*) desc, s.email collate "C" nulls last`,
  );
  return rows.map((r) => ({
    seller: textOrNull(r.seller),
    name: textOrNull(r.name),
    count: toInt(r.count),
    disputedCents: toInt(r.disputedCents),
    undueSoFar: toInt(r.undueSoFar),
    creditedSoFarCents: toInt(r.creditedSoFarCents),
  }));
}
