import 'server-only';
import { asc, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { CASES_PAGE_SIZE, type SortDirection } from '@/lib/schemas/cases';
import { ApiError } from '../../http/api-error';
import type { KpiFilters } from '../../metrics/filters';
import type { KpiPeriod } from '../../metrics/period';

/** One page of a drill-down list and the number of rows in the whole list. */
export interface CaseList<Row> {
  total: number;
  rows: Row[];
}

/** What every list takes: the period and the caller's scope (already resolved), the order and the page. */
export interface ListParams<Sort extends string> extends KpiFilters {
  period: KpiPeriod;
  /** Email of the user who sold the customer's contract. */
  soldBy?: string | null;
  sort?: Sort | null;
  dir?: SortDirection | null;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export type SortColumns<Sort extends string> = Record<Sort, SQL | AnyColumn>;

/**
 * ORDER BY for a whitelisted sort key, nulls last, then by id so that equal values keep one
 * order from page to page. The key only selects a column from the map; it never reaches the SQL.
 */
export function orderByKey<Sort extends string>(
  columns: SortColumns<Sort>,
  sort: Sort,
  dir: SortDirection,
  id: AnyColumn,
): SQL[] {
  if (!Object.hasOwn(columns, sort)) throw new ApiError('bad_request', `Cannot sort by "${sort}".`);
  const column = columns[sort];
  return [dir === 'desc' ? sql`${column} desc nulls last` : sql`${column} asc nulls last`, asc(id)];
}

/** LIMIT and OFFSET of a 1-based page. */
export function pageWindow(params: { page?: number; pageSize?: number }): { limit: number; offset: number } {
  const limit = params.pageSize ?? CASES_PAGE_SIZE;
  const page = Math.max(1, Math.trunc(params.page ?? 1));
  return { limit, offset: (page - 1) * limit };
}

/** `column = value`, or true without that narrowing. */
export function equalsOrAll(column: AnyColumn, value: string | null | undefined): SQL {
  return value === null || value === undefined ? sql`true` : sql`${column} = ${value}`;
}
