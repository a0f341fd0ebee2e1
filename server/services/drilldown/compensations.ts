import 'server-only';
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { disputes, outages, retentionCases } from '@/db/schema';
import { effectiveSort, type CaseSort } from '@/lib/schemas/cases';
import type { CompensationKind } from '@/lib/vocabularies';
import { regionMatch, repMatch } from '../../metrics/filters';
import { periodBounds } from '../../metrics/period';
import { compensationIssuedIn } from '../../metrics/rules/compensation';
import { c, k, u } from '../../metrics/rules/tables';
import { equalsOrAll, orderByKey, pageWindow, type CaseList, type ListParams, type SortColumns } from './shared';

export interface CompensationListParams extends ListParams<CaseSort<'compensations'>> {
  kind?: CompensationKind | null;
  /** A user's email, or `automatic` (no issuing rep), as the `byRep` keys of the KPIs. */
  issuer?: string | null;
}

const rc = alias(retentionCases, 'rc');
const ds = alias(disputes, 'ds');
const o = alias(outages, 'o');

const linkedRef = sql<string | null>`coalesce(${rc.caseRef}, ${ds.disputeRef}, ${o.outageRef})`;

function issuerMatch(issuer: string | null | undefined): SQL {
  if (issuer === null || issuer === undefined) return sql`true`;
  return issuer === 'automatic' ? sql`${k.issuedById} is null` : repMatch(sql`${k.issuedById}`, issuer);
}

const SORTS: SortColumns<CaseSort<'compensations'>> = {
  ref: k.compRef,
  account: c.accountNumber,
  region: c.regionCode,
  kind: k.kind,
  amount: k.amountCents,
  issued: k.issuedAt,
  issuer: u.name,
  linked: linkedRef,
};

/** Compensation issued in the period (server/metrics/compensation.ts), with what it was issued for. */
export async function listCompensations(db: Db, params: CompensationListParams) {
  const bounds = periodBounds(params.period);
  const where = and(
    compensationIssuedIn(bounds),
    regionMatch(sql`${c.regionCode}`, params.region),
    repMatch(sql`${k.issuedById}`, params.rep),
    repMatch(sql`${c.soldById}`, params.soldBy ?? null),
    equalsOrAll(k.kind, params.kind),
    issuerMatch(params.issuer),
  );
  const { sort, dir } = effectiveSort('compensations', params);
  const { limit, offset } = pageWindow(params);

  const [totals, rows] = await Promise.all([
    db.select({ total: count() }).from(k).innerJoin(c, eq(c.id, k.customerId)).where(where),
    db
      .select({
        id: k.id,
        ref: k.compRef,
        account: c.accountNumber,
        region: c.regionCode,
        kind: k.kind,
        amountCents: k.amountCents,
        issuedAt: k.issuedAt,
        issuerName: u.name,
        issuerEmail: u.email,
        retentionCaseRef: rc.caseRef,
        disputeRef: ds.disputeRef,
        outageRef: o.outageRef,
      })
      .from(k)
      .innerJoin(c, eq(c.id, k.customerId))
      .leftJoin(u, eq(u.id, k.issuedById))
      .leftJoin(rc, eq(rc.id, k.retentionCaseId))
      .leftJoin(ds, eq(ds.id, k.disputeId))
      .leftJoin(o, eq(o.id, k.outageId))
      .where(where)
      .orderBy(...orderByKey(SORTS, sort, dir, k.id))
      .limit(limit)
      .offset(offset),
  ]);
  return { total: totals[0]?.total ?? 0, rows } satisfies CaseList<unknown>;
}

export type CompensationCaseRow = Awaited<ReturnType<typeof listCompensations>>['rows'][number];
