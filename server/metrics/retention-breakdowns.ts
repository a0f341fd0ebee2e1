import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rollupRetention as rr, users } from '@/db/schema';
import {
  breakdownOf,
  closedMeasures,
  perCaseHalfUp,
  retentionFigures,
  retentionRollupWhere,
  type RetentionBreakdown,
  type RetentionFigures,
  type RetentionParams,
} from './retention';
import { ensureRollups } from './rollups/state';

export { perCaseHalfUp } from './retention';

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

/** Closed cases by retention reason: `{reason, closed, saved, saveRate}`, sorted by reason. */
export async function retentionByReason(
  db: Db,
  params: RetentionParams,
): Promise<({ reason: string } & RetentionBreakdown)[]> {
  await ensureRollups(db, { tz: params.period.tz });
  const rows = await db
    .select({ reason: rr.reason, ...closedMeasures })
    .from(rr)
    .where(retentionRollupWhere(params, 'closed'))
    .groupBy(rr.reason)
    .having(sql`sum(${rr.cases}) > 0`)
    .orderBy(sql`${rr.reason} collate "C"`);
  return rows.map((r) => ({ reason: r.reason, ...breakdownOf(r) }));
}

/**
 * Saved MRR (sum over saved of mrr_at_risk − offer_monthly_discount) and offer cost (every
 * compensation linked to a case closed in P) per rep or per offer type.
 */
export async function closedCaseMoney(
  db: Db,
  params: RetentionParams,
  by: 'rep' | 'offerType',
): Promise<({ key: string; name: string } & ClosedCaseMoney)[]> {
  await ensureRollups(db, { tz: params.period.tz });
  const where = retentionRollupWhere(params, 'closed');
  const money = { savedMrrCents: closedMeasures.savedMrrCents, offerCostCents: closedMeasures.offerCostCents };
  const hasCases = sql`sum(${rr.cases}) > 0`;
  if (by === 'rep') {
    return db
      .select({ key: users.email, name: sql<string>`min(${users.name})`, ...money })
      .from(rr)
      .innerJoin(users, eq(users.id, rr.repId))
      .where(where)
      .groupBy(users.email)
      .having(hasCases)
      .orderBy(sql`${users.email} collate "C"`);
  }
  return db
    .select({ key: rr.offerType, name: rr.offerType, ...money })
    .from(rr)
    .where(where)
    .groupBy(rr.offerType)
    .having(hasCases)
    .orderBy(sql`${rr.offerType} collate "C"`);
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
