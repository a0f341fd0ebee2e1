import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { ratio, regionMatch, repMatch, toInt, toNumberOrNull } from './filters';
import { periodBounds, within } from './period';
import { retentionFigures, type RetentionBreakdown, type RetentionFigures, type RetentionParams } from './retention';

/** Saved MRR and offer cost of the cases closed in P that share a key. */
export interface ClosedCaseMoney {
  savedMrrCents: number;
  offerCostCents: number;
}

export interface LeaderboardRow extends RetentionBreakdown, ClosedCaseMoney {
  rep: string;
  name: string;
  costPerSaveCents: number | null;
}

export interface RetentionBreakdowns {
  /** The KPI engine's figures of the period (totals, byOffer, byRep). */
  figures: RetentionFigures;
  byReason: ({ reason: string } & RetentionBreakdown)[];
  /** One row per rep with cases closed in P, sorted by rep email. */
  leaderboard: LeaderboardRow[];
  /** Offer cost against saved MRR, per offer type among closed in P, sorted by offer type. */
  offerMoney: ({ offerType: string } & ClosedCaseMoney)[];
}

/** `total / count` rounded half-up to an integer (exactly, for non-negative integers); null when count is 0. */
export function perCaseHalfUp(total: number, count: number): number | null {
  return count === 0 ? null : Math.floor((2 * total + count) / (2 * count));
}

/** Cases closed in P (outcome saved or churned, closed_at in P) within the caller's scope. */
function closedCases(params: RetentionParams): SQL {
  const bounds = periodBounds(params.period);
  return sql`select r.id, r.reason, r.offer_type, r.outcome, u.email as rep, u.name as rep_name,
      r.mrr_at_risk_cents - r.offer_monthly_discount_cents as kept_mrr
    from retention_cases r
    join customers c on c.id = r.customer_id
    join users u on u.id = r.rep_id
    where r.outcome in ('saved', 'churned') and ${within(sql`r.closed_at`, bounds)}
      and ${regionMatch(sql`c.region_code`, params.region)} and ${repMatch(sql`r.rep_id`, params.rep)}`;
}

/** Closed cases by retention reason: `{reason, closed, saved, saveRate}`, sorted by reason. */
export async function retentionByReason(
  db: Db,
  params: RetentionParams,
): Promise<({ reason: string } & RetentionBreakdown)[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select k.reason, count(*)::int as closed,
        count(*) filter (where k.outcome = 'saved')::int as saved,
        ${ratio(sql`count(*) filter (where k.outcome = 'saved')`, sql`count(*)`)} as save_rate
      from (${closedCases(params)}) k
      group by k.reason
      order by k.reason collate "C"`,
  );
  return rows.map((r) => ({
    reason: String(r.reason),
    closed: toInt(r.closed),
    saved: toInt(r.saved),
    saveRate: toNumberOrNull(r.save_rate),
  }));
}

/** The grouping column and a display name for each group (a rep's name; the offer type itself). */
const MONEY_KEYS = {
  rep: { key: sql`k.rep`, name: sql`min(k.rep_name)` },
  offerType: { key: sql`k.offer_type`, name: sql`k.offer_type` },
} as const;

/**
 * Saved MRR (sum over saved of mrr_at_risk − offer_monthly_discount) and offer cost (every
 * compensation linked to a case closed in P) per rep or per offer type.
 */
export async function closedCaseMoney(
  db: Db,
  params: RetentionParams,
  by: keyof typeof MONEY_KEYS,
): Promise<({ key: string; name: string } & ClosedCaseMoney)[]> {
  const { key, name } = MONEY_KEYS[by];
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with closed as (${closedCases(params)}),
      cost as (
        select p.retention_case_id as id, sum(p.amount_cents) as cost
        from compensations p
        where p.retention_case_id in (select id from closed)
        group by p.retention_case_id
      )
      select ${key} as key, ${name} as name,
        coalesce(sum(k.kept_mrr) filter (where k.outcome = 'saved'), 0)::bigint as saved_mrr,
        coalesce(sum(cost.cost), 0)::bigint as offer_cost
      from closed k left join cost on cost.id = k.id
      group by ${key}
      order by ${key} collate "C"`,
  );
  return rows.map((r) => ({
    key: String(r.key),
    name: String(r.name),
    savedMrrCents: toInt(r.saved_mrr),
    offerCostCents: toInt(r.offer_cost),
  }));
}

/** The KPI engine's byRep joined with each rep's saved MRR, offer cost and cost per save. */
export function buildLeaderboard(
  byRep: RetentionFigures['byRep'],
  money: readonly ({ key: string; name: string } & ClosedCaseMoney)[],
): LeaderboardRow[] {
  const moneyByRep = new Map(money.map((m) => [m.key, m]));
  return byRep.map((r) => {
    const m = moneyByRep.get(r.rep);
    const offerCostCents = m?.offerCostCents ?? 0;
    return {
      ...r,
      name: m?.name ?? r.rep,
      savedMrrCents: m?.savedMrrCents ?? 0,
      offerCostCents,
      costPerSaveCents: perCaseHalfUp(offerCostCents, r.saved),
    };
  });
}

/** Everything the retention page shows for one period, besides the monthly trend. */
export async function retentionBreakdowns(db: Db, params: RetentionParams): Promise<RetentionBreakdowns> {
  const [figures, byReason, repMoney, offerMoney] = await Promise.all([
    retentionFigures(db, params),
    retentionByReason(db, params),
    closedCaseMoney(db, params, 'rep'),
    closedCaseMoney(db, params, 'offerType'),
  ]);
  return {
    figures,
    byReason,
    leaderboard: buildLeaderboard(figures.byRep, repMoney),
    offerMoney: offerMoney.map((m) => ({
      offerType: m.key,
      savedMrrCents: m.savedMrrCents,
      offerCostCents: m.offerCostCents,
    })),
  };
}
