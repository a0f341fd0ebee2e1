import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

/**
 * How a column is written. Every value leaves the database as text in the form the importer
 * accepts, so both drivers give the same bytes; the XLSX writer turns numbers and booleans back
 * into typed cells.
 */
export type ColumnKind = 'text' | 'list' | 'instant' | 'date' | 'money' | 'integer' | 'boolean';

/**
 * ISO 8601 with the offset of the session time zone (set to REPORT_TZ for the export), e.g.
 * `2024-05-03T16:00:00+02:00`; milliseconds only when there are any (the importer keeps three digits).
 */
function instantText(value: SQL): SQL {
  return sql`(to_char(${value}, 'YYYY-MM-DD"T"HH24:MI:SS')
    || case when date_trunc('milliseconds', ${value}) = date_trunc('second', ${value}) then '' else to_char(${value}, '.MS') end
    || to_char(${value}, 'TZH:TZM'))`;
}

/** The column's value as the text the importer reads, or null for an empty cell. */
export function formatted(kind: ColumnKind, value: SQL): SQL {
  switch (kind) {
    case 'text':
    case 'list':
      return sql`(${value})::text`;
    case 'instant':
      return instantText(value);
    case 'date':
      return sql`to_char(${value}, 'YYYY-MM-DD')`;
    case 'money':
      // Cents to a decimal with two places: 4990 → 49.90, 0 → 0.00.
      return sql`round((${value})::numeric / 100, 2)::text`;
    case 'integer':
      return sql`(${value})::text`;
    case 'boolean':
      return sql`case when ${value} then 'true' when not ${value} then 'false' end`;
  }
}

/** The items of a `;`-separated list column, sorted so that every export of a row reads the same. */
export function listOf(value: SQL, fromWhere: SQL): SQL {
  return sql`(select string_agg(${value}, ';' order by ${value}) from ${fromWhere})`;
}
