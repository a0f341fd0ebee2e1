import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { ratio, regionMatch, repMatch, toInt, toNumberOrNull, type KpiFilters } from './filters';
import { periodBounds, within, type KpiPeriod } from './period';

export interface RetentionBreakdown {
  closed: number;
  saved: number;
  saveRate: number | null;
}

export interface RetentionFigures {
  opened: number;
  saved: number;
  lost: number;
  saveRate: number | null;
  savedMrrCents: number;
  offerCostCents: number;
  costPerSaveCents: number | null;
  byOffer: ({ offerType: string } & RetentionBreakdown)[];
  byRep: ({ rep: string } & RetentionBreakdown)[];
}

export interface RetentionParams extends KpiFilters {
  period: KpiPeriod;
}

/** The retention desk's figures: cases opened, and cases closed (saved or lost) in the period. */
export async function retentionFigures(db: Db, params: RetentionParams): Promise<RetentionFigures> {
  const bounds = periodBounds(params.period);
  const scope = sql`${regionMatch(sql`c.region_code`, params.region)} and ${repMatch(sql`r.rep_id`, params.rep)}`;
  const closedInP = sql`(r.outcome in ('saved', 'churned') and ${within(sql`r.closed_at`, bounds)})`;
  const from = sql`retention_cases r join customers c on c.id = r.customer_id`;

  const [totals, byOffer, byRep] = await Promise.all([
    queryRows<Record<string, unknown>>(
      db,
      sql`with scoped as (
          select r.id, r.opened_at, r.outcome, r.mrr_at_risk_cents, r.offer_monthly_discount_cents,
            ${closedInP} as closed_in_p
          from ${from}
          where ${scope}
        ), totals as (
          select
            count(*) filter (where ${within(sql`opened_at`, bounds)})::int as opened,
            count(*) filter (where closed_in_p and outcome = 'saved')::int as saved,
            count(*) filter (where closed_in_p and outcome = 'churned')::int as lost,
            coalesce(sum(mrr_at_risk_cents - offer_monthly_discount_cents)
              filter (where closed_in_p and outcome = 'saved'), 0) as saved_mrr
          from scoped
        ), cost as (
          select coalesce(sum(k.amount_cents), 0) as offer_cost
          from compensations k
          where k.retention_case_id in (select id from scoped where closed_in_p)
        )
        select t.opened, t.saved, t.lost,
          ${ratio(sql`t.saved`, sql`t.saved + t.lost`)} as "saveRate",
          t.saved_mrr::bigint as "savedMrrCents",
          k.offer_cost::bigint as "offerCostCents",
          -- Exact integer half-up rounding of offer_cost / saved.
          case when t.saved = 0 then null
            else div(2 * k.offer_cost::numeric + t.saved, 2 * t.saved)::bigint end as "costPerSaveCents"
        from totals t cross join cost k`,
    ),
    queryRows<Record<string, unknown>>(
      db,
      sql`select r.offer_type as key, count(*)::int as closed,
          count(*) filter (where r.outcome = 'saved')::int as saved,
          ${ratio(sql`count(*) filter (where r.outcome = 'saved')`, sql`count(*)`)} as "saveRate"
        from ${from}
        where ${closedInP} and ${scope}
        group by r.offer_type
        order by r.offer_type collate "C"`,
    ),
    queryRows<Record<string, unknown>>(
      db,
      sql`select u.email as key, count(*)::int as closed,
          count(*) filter (where r.outcome = 'saved')::int as saved,
          ${ratio(sql`count(*) filter (where r.outcome = 'saved')`, sql`count(*)`)} as "saveRate"
        from ${from} join users u on u.id = r.rep_id
        where ${closedInP} and ${scope}
        group by u.email
        order by u.email collate "C"`,
    ),
  ]);

  const row = totals[0] ?? {};
  const breakdown = (r: Record<string, unknown>): RetentionBreakdown => ({
    closed: toInt(r.closed),
    saved: toInt(r.saved),
    saveRate: toNumberOrNull(r.saveRate),
  });
  return {
    opened: toInt(row.opened),
    saved: toInt(row.saved),
    lost: toInt(row.lost),
    saveRate: toNumberOrNull(row.saveRate),
    savedMrrCents: toInt(row.savedMrrCents),
    offerCostCents: toInt(row.offerCostCents),
    costPerSaveCents: toNumberOrNull(row.costPerSaveCents),
    byOffer: byOffer.map((r) => ({ offerType: String(r.key), ...breakdown(r) })),
    byRep: byRep.map((r) => ({ rep: String(r.key), ...breakdown(r) })),
  };
}
