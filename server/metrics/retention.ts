import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rollupRetention as rr, users } from '@/db/schema';
import { regionMatch, repMatch, type KpiFilters } from './filters';
import type { KpiPeriod } from './period';
import { inGrains, periodGrains } from './rollups/days';
import { ensureRollups } from './rollups/state';
import { ratioOf, sumOf } from './rollups/sum';

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

/** `total / count` rounded half-up to an integer (exactly, for non-negative integers); null when count is 0. */
export function perCaseHalfUp(total: number, count: number): number | null {
  return count === 0 ? null : Math.floor((2 * total + count) / (2 * count));
}

const isSaved = eq(rr.outcome, 'saved');

/**
 * The retention rollup rows of an event in P within the caller's scope ('closed': saved or lost,
 * closed_at in P — server/metrics/rules/retention.ts; the rows are written by the rollup triggers).
 */
export function retentionRollupWhere(params: RetentionParams, event: 'opened' | 'closed') {
  return and(
    eq(rr.event, event),
    inGrains(rr, periodGrains(params.period.from, params.period.to)),
    regionMatch(sql`${rr.regionCode}`, params.region),
    repMatch(sql`${rr.repId}`, params.rep),
  );
}

/** Closed, saved, saved MRR and offer cost of the closed rows, for grouped selects. */
export const closedMeasures = {
  closed: sumOf(rr.cases),
  saved: sumOf(rr.cases, isSaved),
  savedMrrCents: sumOf(rr.keptMrrCents, isSaved),
  offerCostCents: sumOf(rr.offerCostCents),
};

export const breakdownOf = (row: { closed: number; saved: number }): RetentionBreakdown => ({
  closed: row.closed,
  saved: row.saved,
  saveRate: ratioOf(row.saved, row.closed),
});

/** The retention desk's figures: cases opened, and cases closed (saved or lost) in the period. */
export async function retentionFigures(db: Db, params: RetentionParams): Promise<RetentionFigures> {
  await ensureRollups(db, { tz: params.period.tz });
  const closedWhere = retentionRollupWhere(params, 'closed');
  const hasCases = sql`sum(${rr.cases}) > 0`;

  const [[opened], [closed], byOffer, byRep] = await Promise.all([
    db.select({ opened: sumOf(rr.cases) }).from(rr).where(retentionRollupWhere(params, 'opened')),
    db
      .select({ ...closedMeasures, lost: sumOf(rr.cases, eq(rr.outcome, 'churned')) })
      .from(rr)
      .where(closedWhere),
    db
      .select({ offerType: rr.offerType, ...closedMeasures })
      .from(rr)
      .where(closedWhere)
      .groupBy(rr.offerType)
      .having(hasCases)
      .orderBy(sql`${rr.offerType} collate "C"`),
    db
      .select({ rep: users.email, ...closedMeasures })
      .from(rr)
      .innerJoin(users, eq(users.id, rr.repId))
      .where(closedWhere)
      .groupBy(users.email)
      .having(hasCases)
      .orderBy(asc(sql`${users.email} collate "C"`)),
  ]);

  const saved = closed?.saved ?? 0;
  const lost = closed?.lost ?? 0;
  const offerCostCents = closed?.offerCostCents ?? 0;
  return {
    opened: opened?.opened ?? 0,
    saved,
    lost,
    saveRate: ratioOf(saved, saved + lost),
    savedMrrCents: closed?.savedMrrCents ?? 0,
    offerCostCents,
    costPerSaveCents: perCaseHalfUp(offerCostCents, saved),
    byOffer: byOffer.map((r) => ({ offerType: r.offerType, ...breakdownOf(r) })),
    byRep: byRep.map((r) => ({ rep: r.rep, ...breakdownOf(r) })),
  };
}
