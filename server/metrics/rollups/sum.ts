import 'server-only';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** `sum(value)` over the rows matching `where` (all rows without), 0 when none, as a number. */
export function sumOf(value: SQL | AnyColumn, where?: SQL): SQL<number> {
  const filter = where === undefined ? sql`` : sql` filter (where ${where})`;
  return sql<number>`coalesce(sum(${value})${filter}, 0)`.mapWith(Number);
}

/** `numerator / denominator`, null when the denominator is 0 (float8 division, as in SQL). */
export const ratioOf = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;
