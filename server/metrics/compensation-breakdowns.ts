import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { regionMatch, repMatch, toInt, type KpiFilters } from './filters';
import { monthRows, within } from './period';

export interface MonthlyByKindParams extends KpiFilters {
  /** Calendar months YYYY-MM, inclusive, in the report time zone. */
  fromMonth: string;
  toMonth: string;
  tz: string;
}

export interface MonthlyByKind {
  months: string[];
  /** Only the (month, kind) pairs with compensation, by month then kind. */
  rows: { month: string; kind: string; count: number; totalCents: number }[];
}

/**
 * Compensation issued in each calendar month, by kind: docs/metrics.md `byKind` with P = each month
 * (customer's region, issuing rep).
 */
export async function compensationByKindMonthly(db: Db, params: MonthlyByKindParams): Promise<MonthlyByKind> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select mo.month, k.kind, count(k.id)::int as count, coalesce(sum(k.amount_cents), 0)::bigint as "totalCents"
      from ${monthRows(params.fromMonth, params.toMonth, params.tz)} mo
      left join (compensations k join customers c on c.id = k.customer_id)
        on ${within(sql`k.issued_at`, { start: sql`mo.start`, end: sql`mo."end"` })}
        and ${regionMatch(sql`c.region_code`, params.region)} and ${repMatch(sql`k.issued_by_id`, params.rep)}
      group by mo.month, k.kind
      order by mo.month, k.kind collate "C"`,
  );
  return {
    months: [...new Set(rows.map((r) => String(r.month)))],
    rows: rows
      .filter((r) => r.kind !== null)
      .map((r) => ({
        month: String(r.month),
        kind: String(r.kind),
        count: toInt(r.count),
        totalCents: toInt(r.totalCents),
      })),
  };
}
