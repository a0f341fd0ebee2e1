import 'server-only';
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { effectiveSort, retentionBasis, type CaseSort, type RetentionBasis } from '@/lib/schemas/cases';
import type { ChurnCategory, OfferType, RetentionOutcome } from '@/lib/vocabularies';
import { regionMatch, repMatch } from '../../metrics/filters';
import { periodBounds, type PeriodBounds } from '../../metrics/period';
import { caseClosedIn, caseOpenedIn } from '../../metrics/rules/retention';
import { c, r, u } from '../../metrics/rules/tables';
import { equalsOrAll, orderByKey, pageWindow, type CaseList, type ListParams, type SortColumns } from './shared';

export interface RetentionCaseListParams extends ListParams<CaseSort<'retention-cases'>> {
  basis?: RetentionBasis | null;
  offerType?: OfferType | null;
  reason?: ChurnCategory | null;
  outcome?: RetentionOutcome | null;
}


/** Opened in P, or closed in P as server/metrics/retention.ts counts it (saved or lost). */
function basisMatch(basis: RetentionBasis, bounds: PeriodBounds): SQL {
  return basis === 'opened' ? caseOpenedIn(bounds) : caseClosedIn(bounds);
}

const SORTS: SortColumns<CaseSort<'retention-cases'>> = {
  ref: r.caseRef,
  account: c.accountNumber,
  rep: u.name,
  reason: r.reason,
  offerType: r.offerType,
  outcome: r.outcome,
  mrrAtRisk: r.mrrAtRiskCents,
  discount: r.offerMonthlyDiscountCents,
  opened: r.openedAt,
  closed: r.closedAt,
};

/** The retention cases behind a retention figure. */
export async function listRetentionCases(db: Db, params: RetentionCaseListParams) {
  const bounds = periodBounds(params.period);
  const basis = retentionBasis(params);
  const where = and(
    basisMatch(basis, bounds),
    regionMatch(sql`${c.regionCode}`, params.region),
    repMatch(sql`${r.repId}`, params.rep),
    repMatch(sql`${c.soldById}`, params.soldBy ?? null),
    equalsOrAll(r.offerType, params.offerType),
    equalsOrAll(r.reason, params.reason),
    equalsOrAll(r.outcome, params.outcome),
  );
  const { sort, dir } = effectiveSort('retention-cases', params, basis);
  const { limit, offset } = pageWindow(params);

  const [totals, rows] = await Promise.all([
    db.select({ total: count() }).from(r).innerJoin(c, eq(c.id, r.customerId)).where(where),
    db
      .select({
        id: r.id,
        ref: r.caseRef,
        account: c.accountNumber,
        region: c.regionCode,
        repName: u.name,
        repEmail: u.email,
        reason: r.reason,
        offerType: r.offerType,
        outcome: r.outcome,
        mrrAtRiskCents: r.mrrAtRiskCents,
        discountCents: r.offerMonthlyDiscountCents,
        offerMonths: r.offerMonths,
        openedAt: r.openedAt,
        closedAt: r.closedAt,
      })
      .from(r)
      .innerJoin(c, eq(c.id, r.customerId))
      .innerJoin(u, eq(u.id, r.repId))
      .where(where)
      .orderBy(...orderByKey(SORTS, sort, dir, r.id))
      .limit(limit)
      .offset(offset),
  ]);
  return { total: totals[0]?.total ?? 0, rows } satisfies CaseList<unknown>;
}

export type RetentionCaseRow = Awaited<ReturnType<typeof listRetentionCases>>['rows'][number];
