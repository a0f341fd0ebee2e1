import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { phoneDigits } from '@/lib/phone';

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
 * The customer's phone contains the digits of `q` (spaces, dashes, brackets and `+` ignored),
 * when `q` looks like part of a number with 4 or more digits. Phones are stored as E.164 (`+` and
 * digits), so a LIKE on the column matches digits; the trigram index `customers_phone_trgm_idx`
 * (migration 0011_outage_comms) serves it.
 */
export function phoneContains(customer: SQL, q: string): SQL {
  const digits = phoneDigits(q);
  return digits === null ? sql`false` : sql`${customer}.phone like ${`%${digits}%`}`;
}
