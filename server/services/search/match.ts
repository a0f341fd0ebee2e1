import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
export const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Lower case without Spanish and Catalan accents. The trigram index `customers_name_trgm_idx`
 * (migration 0008_customer_search) is on exactly this expression; change both together.
 */
export const foldedName = (column: SQL) =>
  sql`translate(lower(${column}), 'áàäâéèëêíìïîóòöôúùüûñç', 'aaaaeeeeiiiioooouuuunc')`;

/** A reference or account column containing `q`, ignoring case (trigram indexes on `lower(column)`). */
export function refContains(column: SQL, q: string): SQL {
  return sql`lower(${column}) like ${`%${likeEscape(q.toLowerCase())}%`}`;
}

/** The name contains `q`, ignoring case and accents. */
export function nameContains(column: SQL, q: string): SQL {
  return sql`${foldedName(column)} like ${foldedName(sql`${`%${likeEscape(q)}%`}::text`)}`;
}

/**
 * PHONE SEARCH — the one place to add it. `customers.phone` is not in the schema yet (issue 14
 * adds it). When it exists: match its digits, e.g.
 * `regexp_replace(c.phone, '\D', '', 'g') like '%' || <digits of q> || '%'` when q has 4 or more
 * digits, and add a trigram index on that expression in a migration.
 */
export function phoneContains(_customer: SQL, _q: string): SQL {
  return sql`false`;
}
