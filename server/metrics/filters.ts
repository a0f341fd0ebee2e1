import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

/** Effective filters after role scoping: a region code and a user's email, or null for all. */
export interface KpiFilters {
  region: string | null;
  rep: string | null;
}

/** `column = region`, or true without a region filter. */
export function regionMatch(column: SQL, region: string | null): SQL {
  return region === null ? sql`true` : sql`${column} = ${region}`;
}

/** The user id in `column` belongs to the rep with this email, or true without a rep filter. */
export function repMatch(column: SQL, rep: string | null): SQL {
  return rep === null ? sql`true` : sql`${column} in (select u.id from users u where u.email = ${rep})`;
}

/** `numerator / denominator` as float8, null when the denominator is 0. */
export function ratio(numerator: SQL, denominator: SQL): SQL {
  return sql`((${numerator})::float8 / nullif((${denominator})::float8, 0))`;
}

/** A percentile (continuous interpolation) of `value`, rounded to 0.1; null without rows. */
export function percentile(fraction: number, value: SQL, filter: SQL = sql`true`): SQL {
  return sql`round((percentile_cont(${sql.raw(String(fraction))}) within group (order by (${value})::float8) filter (where ${filter}))::numeric, 1)`;
}

/** Minutes between two instants, fractional. */
export function minutesBetween(from: SQL, to: SQL): SQL {
  return sql`(extract(epoch from (${to} - ${from})) / 60)`;
}

/** Drivers differ: int8 and numeric arrive as strings from postgres.js, as numbers from PGlite. */
export function toInt(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export function toNumberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
