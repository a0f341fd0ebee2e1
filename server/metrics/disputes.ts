import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { percentile, ratio, regionMatch, repMatch, toInt, toNumberOrNull, type KpiFilters } from './filters';
import { periodBounds, within, type KpiPeriod } from './period';

export interface DisputeFigures {
  opened: number;
  disputedCents: number;
  resolved: number;
  undueRate: number | null;
  creditedCents: number;
  firstBillShare: number | null;
  medianHoursToResolve: number | null;
  slaComplianceRate: number | null;
  backlogAtEnd: number;
  byCause: { cause: string; count: number; disputedCents: number }[];
}

export interface DisputeParams extends KpiFilters {
  period: KpiPeriod;
  disputeSlaHours: number;
}

/** Billing disputes opened, resolved and still open at the end of the period. */
export async function disputeFigures(db: Db, params: DisputeParams): Promise<DisputeFigures> {
  const bounds = periodBounds(params.period);
  const scope = sql`${regionMatch(sql`c.region_code`, params.region)} and ${repMatch(sql`d.assigned_to_id`, params.rep)}`;
  const from = sql`disputes d join customers c on c.id = d.customer_id`;
  const openedInP = within(sql`d.opened_at`, bounds);
  const resolvedInP = sql`(d.status in ('resolved', 'rejected') and ${within(sql`d.resolved_at`, bounds)})`;
  const withinSla = sql`d.resolved_at <= d.opened_at + make_interval(hours => ${params.disputeSlaHours}::int)`;
  const hoursToResolve = sql`extract(epoch from (d.resolved_at - d.opened_at)) / 3600`;

  const [totals, byCause] = await Promise.all([
    queryRows<Record<string, unknown>>(
      db,
      sql`select t.opened, t.disputed::bigint as "disputedCents", t.resolved,
          ${ratio(sql`t.undue`, sql`t.resolved`)} as "undueRate",
          t.credited::bigint as "creditedCents",
          ${ratio(sql`t.first_bill`, sql`t.opened`)} as "firstBillShare",
          t.median_hours as "medianHoursToResolve",
          ${ratio(sql`t.in_sla`, sql`t.resolved`)} as "slaComplianceRate",
          t.backlog as "backlogAtEnd"
        from (
          select
            count(*) filter (where ${openedInP})::int as opened,
            coalesce(sum(d.disputed_amount_cents) filter (where ${openedInP}), 0) as disputed,
            count(*) filter (where ${openedInP} and d.bill_number = 1)::int as first_bill,
            count(*) filter (where ${resolvedInP})::int as resolved,
            count(*) filter (where ${resolvedInP} and d.undue_charge)::int as undue,
            count(*) filter (where ${resolvedInP} and ${withinSla})::int as in_sla,
            coalesce(sum(d.credited_amount_cents) filter (where ${resolvedInP}), 0) as credited,
            ${percentile(0.5, hoursToResolve, resolvedInP)} as median_hours,
            count(*) filter (where d.opened_at < ${bounds.end}
              and (d.resolved_at is null or d.resolved_at >= ${bounds.end}))::int as backlog
          from ${from}
          where ${scope}
        ) t`,
    ),
    queryRows<Record<string, unknown>>(
      db,
      sql`select d.cause, count(*)::int as count, coalesce(sum(d.disputed_amount_cents), 0)::bigint as "disputedCents"
        from ${from}
        where ${openedInP} and ${scope}
        group by d.cause
        order by count(*) desc, d.cause collate "C"`,
    ),
  ]);

  const row = totals[0] ?? {};
  return {
    opened: toInt(row.opened),
    disputedCents: toInt(row.disputedCents),
    resolved: toInt(row.resolved),
    undueRate: toNumberOrNull(row.undueRate),
    creditedCents: toInt(row.creditedCents),
    firstBillShare: toNumberOrNull(row.firstBillShare),
    medianHoursToResolve: toNumberOrNull(row.medianHoursToResolve),
    slaComplianceRate: toNumberOrNull(row.slaComplianceRate),
    backlogAtEnd: toInt(row.backlogAtEnd),
    byCause: byCause.map((r) => ({
      cause: String(r.cause),
      count: toInt(r.count),
      disputedCents: toInt(r.disputedCents),
    })),
  };
}
