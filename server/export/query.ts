import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { periodBounds } from '../metrics/period';
import { toInt } from '../metrics/filters';
import { DATASETS } from './datasets';
import type { ExportPlan } from './plan';
import { formatted, type ColumnKind } from './sql-format';

function whereClause(plan: ExportPlan): SQL {
  const spec = DATASETS[plan.dataset];
  const bounds = periodBounds({ from: plan.filters.from, to: plan.filters.to, tz: plan.timezone });
  const conditions = [spec.inPeriod(bounds), spec.region(plan.filters.region)];
  if (spec.rep) conditions.push(spec.rep(plan.filters.rep));
  return sql.join(
    conditions.map((c) => sql`(${c})`),
    sql` and `,
  );
}

/** How a formatted value becomes the selected cell (the COPY path adds the CSV formula guard). */
export type CellWrapper = (kind: ColumnKind, value: SQL) => SQL;

/** The export's rows, every value as importer-ready text in columns `c0`, `c1`, … (see rowCells). */
export function exportSelect(plan: ExportPlan, cell: CellWrapper = (_kind, value) => value): SQL {
  const spec = DATASETS[plan.dataset];
  const list = sql.join(
    plan.columns.map((c, i) => sql`${cell(c.kind, formatted(c.kind, c.value))} as ${sql.identifier(`c${i}`)}`),
    sql`, `,
  );
  return sql`select ${list} from ${spec.from} where ${whereClause(plan)} order by ${spec.orderBy}`;
}

/** One fetched row as cells in column order; null is an empty cell. */
export function rowCells(plan: ExportPlan, row: Record<string, unknown>): (string | null)[] {
  return plan.columns.map((_, i) => {
    // Every column is selected as text (see sql-format.ts).
    const value = row[`c${i}`];
    return typeof value === 'string' ? value : null;
  });
}

/** How many rows the export has (asked before an XLSX, which has a row limit, and by the page). */
export async function countExportRows(db: Db, plan: ExportPlan): Promise<number> {
  const spec = DATASETS[plan.dataset];
  const [row] = await queryRows<{ n: unknown }>(
    db,
    sql`select count(*) as n from ${spec.from} where ${whereClause(plan)}`,
  );
  return toInt(row?.n);
}
