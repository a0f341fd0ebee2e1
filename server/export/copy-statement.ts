import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { ExportPlan } from './plan';
import { exportSelect } from './query';
import type { ColumnKind } from './sql-format';

const dialect = new PgDialect();

/**
 * A text cell as csv-text.ts writes it, in SQL: the formula guard (formula-guard.ts: a leading `'`
 * when the text, after any quotes, starts with = + - @ tab or CR; text cannot hold NUL) and an
 * empty text as an empty field, since COPY would quote it and csv-stringify does not.
 */
function csvCell(kind: ColumnKind, cell: SQL): SQL {
  if (kind !== 'text' && kind !== 'list') return cell;
  return sql`case when left(ltrim(${cell}, ''''), 1) in ('=', '+', '-', '@', chr(9), chr(13))
    then '''' || ${cell} else nullif(${cell}, '') end`;
}

/**
 * The export's rows as `COPY (…) TO STDOUT (FORMAT csv)`: the same SELECT as the cursor path
 * (query.ts), each text cell guarded. COPY takes no bind parameters, so the filters are written in
 * as literals (Drizzle's own escaping; the reader turns standard_conforming_strings on).
 */
export function copyCsvStatement(plan: ExportPlan): string {
  const { sql: text, params } = dialect.sqlToQuery(exportSelect(plan, csvCell).inlineParams());
  if (params.length > 0) throw new Error('An export statement for COPY kept a bind parameter.');
  return `copy (${text}) to stdout with (format csv)`;
}
