import 'server-only';
import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { effectiveSort, type CaseSort } from '@/lib/schemas/cases';
import type { ChurnCategory } from '@/lib/vocabularies';
import { regionMatch, repMatch } from '../../metrics/filters';
import { periodBounds } from '../../metrics/period';
import { churnedIn } from '../../metrics/rules/customers';
import { c, u } from '../../metrics/rules/tables';
import { equalsOrAll, orderByKey, pageWindow, type CaseList, type ListParams, type SortColumns } from './shared';

export interface ChurnedCustomerListParams extends ListParams<CaseSort<'churned-customers'>> {
  category?: ChurnCategory | null;
  competitor?: string | null;
}


const SORTS: SortColumns<CaseSort<'churned-customers'>> = {
  account: c.accountNumber,
  region: c.regionCode,
  plan: c.plan,
  fee: c.monthlyFeeCents,
  activated: c.activatedAt,
  churned: c.churnedAt,
  category: c.churnCategory,
  competitor: c.competitor,
  soldBy: u.name,
};

/** Customers who churned in the period (server/metrics/churn.ts); like churn figures, the rep filter does not apply. */
export async function listChurnedCustomers(db: Db, params: ChurnedCustomerListParams) {
  const bounds = periodBounds(params.period);
  const where = and(
    churnedIn(bounds),
    regionMatch(sql`${c.regionCode}`, params.region),
    repMatch(sql`${c.soldById}`, params.soldBy ?? null),
    equalsOrAll(c.churnCategory, params.category),
    equalsOrAll(c.competitor, params.competitor),
  );
  const { sort, dir } = effectiveSort('churned-customers', params);
  const { limit, offset } = pageWindow(params);

  const [totals, rows] = await Promise.all([
    db.select({ total: count() }).from(c).where(where),
    db
      .select({
        id: c.id,
        account: c.accountNumber,
        region: c.regionCode,
        plan: c.plan,
        feeCents: c.monthlyFeeCents,
        activatedAt: c.activatedAt,
        churnedAt: c.churnedAt,
        category: c.churnCategory,
        competitor: c.competitor,
        soldByName: u.name,
        soldByEmail: u.email,
      })
      .from(c)
      .leftJoin(u, eq(u.id, c.soldById))
      .where(where)
      .orderBy(...orderByKey(SORTS, sort, dir, c.id))
      .limit(limit)
      .offset(offset),
  ]);
  return { total: totals[0]?.total ?? 0, rows } satisfies CaseList<unknown>;
}

export type ChurnedCustomerRow = Awaited<ReturnType<typeof listChurnedCustomers>>['rows'][number];
