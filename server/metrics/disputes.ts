import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rollupDisputes as rd } from '@/db/schema';
import { percentile, regionMatch, repMatch, toNumberOrNull, type KpiFilters } from './filters';
import { periodBounds, type KpiPeriod } from './period';
import { dayAfter, grainsBefore, inGrains, periodGrains } from './rollups/days';
import { ensureRollups } from './rollups/state';
import { ratioOf, sumOf } from './rollups/sum';
import { disputeResolvedIn, hoursToResolve } from './rules/disputes';
import { c, d } from './rules/tables';

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

/** The caller's scope on the disputes rollup (customer's region, assigned rep). */
export const disputeRollupScope = (filters: KpiFilters) =>
  and(regionMatch(sql`${rd.regionCode}`, filters.region), repMatch(sql`${rd.repId}`, filters.rep));

const opened = eq(rd.event, 'opened');
/** Rollup rows of disputes resolved in P: a resolved_at in P and status resolved or rejected. */
const resolvedClosed = and(eq(rd.event, 'resolved'), eq(rd.closedStatus, true));

/** Opened, resolved, SLA, undue and credit measures of the disputes rollup, for grouped selects. */
export const disputeMeasures = {
  opened: sumOf(rd.disputes, opened),
  disputedCents: sumOf(rd.disputedCents, opened),
  firstBill: sumOf(rd.disputes, and(opened, eq(rd.firstBill, true))),
  resolved: sumOf(rd.disputes, resolvedClosed),
  undue: sumOf(rd.disputes, and(resolvedClosed, eq(rd.undue, true))),
  inSla: sumOf(rd.disputes, and(resolvedClosed, eq(rd.inSla, true))),
  creditedCents: sumOf(rd.creditedCents, resolvedClosed),
};

/**
 * Disputes in the backlog at the end of the day `lastDay`: opened before its end less those with a
 * resolved_at (whatever the status) before it, as resolved_at >= opened_at.
 */
export async function disputeBacklogAfter(db: Db, lastDay: string, filters: KpiFilters): Promise<number> {
  const before = inGrains(rd, grainsBefore(dayAfter(lastDay)));
  const [row] = await db
    .select({ backlog: sumOf(sql`case when ${rd.event} = 'opened' then ${rd.disputes} else -${rd.disputes} end`) })
    .from(rd)
    .where(and(before, disputeRollupScope(filters)));
  return row?.backlog ?? 0;
}

/** The median hours to resolve of the disputes resolved in P, exact, from the disputes themselves. */
async function medianHoursToResolve(db: Db, params: DisputeParams): Promise<number | null> {
  const [row] = await db
    .select({ median: percentile(0.5, hoursToResolve).mapWith(toNumberOrNull) })
    .from(d)
    .innerJoin(c, eq(c.id, d.customerId))
    .where(
      and(
        disputeResolvedIn(periodBounds(params.period)),
        regionMatch(sql`${c.regionCode}`, params.region),
        repMatch(sql`${d.assignedToId}`, params.rep),
      ),
    );
  return row?.median ?? null;
}

/** Billing disputes opened, resolved and still open at the end of the period. */
export async function disputeFigures(db: Db, params: DisputeParams): Promise<DisputeFigures> {
  await ensureRollups(db, { tz: params.period.tz, disputeSlaHours: params.disputeSlaHours });
  const inP = inGrains(rd, periodGrains(params.period.from, params.period.to));
  const scope = disputeRollupScope(params);

  const [[t], byCause, backlogAtEnd, medianHours] = await Promise.all([
    db.select(disputeMeasures).from(rd).where(and(inP, scope)),
    db
      .select({ cause: rd.cause, count: sumOf(rd.disputes), disputedCents: sumOf(rd.disputedCents) })
      .from(rd)
      .where(and(inP, scope, opened))
      .groupBy(rd.cause)
      .having(sql`sum(${rd.disputes}) > 0`)
      .orderBy(desc(sql`sum(${rd.disputes})`), sql`${rd.cause} collate "C"`),
    disputeBacklogAfter(db, params.period.to, params),
    medianHoursToResolve(db, params),
  ]);

  const resolved = t?.resolved ?? 0;
  return {
    opened: t?.opened ?? 0,
    disputedCents: t?.disputedCents ?? 0,
    resolved,
    undueRate: ratioOf(t?.undue ?? 0, resolved),
    creditedCents: t?.creditedCents ?? 0,
    firstBillShare: ratioOf(t?.firstBill ?? 0, t?.opened ?? 0),
    medianHoursToResolve: medianHours,
    slaComplianceRate: ratioOf(t?.inSla ?? 0, resolved),
    backlogAtEnd,
    byCause,
  };
}
