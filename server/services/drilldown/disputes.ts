import 'server-only';
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { disputeBasis, effectiveSort, type BacklogAge, type CaseSort, type DisputeBasis } from '@/lib/schemas/cases';
import type { DisputeCause } from '@/lib/vocabularies';
import { ApiError } from '../../http/api-error';
import { BACKLOG_AGE_BUCKETS } from '../../metrics/backlog-ageing';
import { regionMatch, repMatch, toNumberOrNull } from '../../metrics/filters';
import { periodBounds, type PeriodBounds } from '../../metrics/period';
import {
  disputeAgedAt,
  disputeInBacklogAt,
  disputeOpenedIn,
  disputeResolvedIn,
  hoursToResolve,
} from '../../metrics/rules/disputes';
import { c, d, u } from '../../metrics/rules/tables';
import { equalsOrAll, orderByKey, pageWindow, type CaseList, type ListParams, type SortColumns } from './shared';

export interface DisputeListParams extends ListParams<CaseSort<'disputes'>> {
  basis?: DisputeBasis | null;
  cause?: DisputeCause | null;
  firstBill?: boolean;
  age?: BacklogAge | null;
}

/** Which disputes a figure of server/metrics/disputes.ts counts, by basis. */
function basisMatch(basis: DisputeBasis, bounds: PeriodBounds): SQL {
  switch (basis) {
    case 'opened':
      return disputeOpenedIn(bounds);
    case 'resolved':
      return disputeResolvedIn(bounds);
    case 'backlog':
      return disputeInBacklogAt(bounds.end);
  }
}

/**
 * Age at the end of the period (end − opened_at) within a bucket of the backlog ageing figure,
 * compared as instants exactly as server/metrics/backlog-ageing.ts does.
 */
export function backlogAgeMatch(age: BacklogAge | null | undefined, bounds: PeriodBounds): SQL {
  if (age === null || age === undefined) return sql`true`;
  const bucket = BACKLOG_AGE_BUCKETS.find((b) => b.bucket === age);
  if (!bucket) throw new ApiError('bad_request', `Unknown backlog age "${age}".`);
  return disputeAgedAt(bounds.end, bucket.fromHours, bucket.toHours);
}

const SORTS: SortColumns<CaseSort<'disputes'>> = {
  ref: d.disputeRef,
  account: c.accountNumber,
  region: c.regionCode,
  cause: d.cause,
  amount: d.disputedAmountCents,
  status: d.status,
  rep: u.name,
  billNumber: d.billNumber,
  opened: d.openedAt,
  resolved: d.resolvedAt,
  hoursToResolve,
  credited: d.creditedAmountCents,
};

/** The disputes behind a dispute figure, with the same definitions as the KPI engine. */
export async function listDisputes(db: Db, params: DisputeListParams) {
  const bounds = periodBounds(params.period);
  const basis = disputeBasis(params);
  const where = and(
    basisMatch(basis, bounds),
    regionMatch(sql`${c.regionCode}`, params.region),
    repMatch(sql`${d.assignedToId}`, params.rep),
    repMatch(sql`${c.soldById}`, params.soldBy ?? null),
    equalsOrAll(d.cause, params.cause),
    params.firstBill ? sql`${d.billNumber} = 1` : undefined,
    backlogAgeMatch(params.age, bounds),
  );
  const { sort, dir } = effectiveSort('disputes', params, basis);
  const { limit, offset } = pageWindow(params);

  const [totals, rows] = await Promise.all([
    db.select({ total: count() }).from(d).innerJoin(c, eq(c.id, d.customerId)).where(where),
    db
      .select({
        id: d.id,
        ref: d.disputeRef,
        account: c.accountNumber,
        region: c.regionCode,
        cause: d.cause,
        amountCents: d.disputedAmountCents,
        status: d.status,
        repName: u.name,
        repEmail: u.email,
        billNumber: d.billNumber,
        openedAt: d.openedAt,
        resolvedAt: d.resolvedAt,
        hoursToResolve: sql`round(${hoursToResolve}::numeric, 1)`.mapWith(toNumberOrNull),
        creditedCents: d.creditedAmountCents,
      })
      .from(d)
      .innerJoin(c, eq(c.id, d.customerId))
      .leftJoin(u, eq(u.id, d.assignedToId))
      .where(where)
      .orderBy(...orderByKey(SORTS, sort, dir, d.id))
      .limit(limit)
      .offset(offset),
  ]);
  return { total: totals[0]?.total ?? 0, rows } satisfies CaseList<unknown>;
}

export type DisputeCaseRow = Awaited<ReturnType<typeof listDisputes>>['rows'][number];
