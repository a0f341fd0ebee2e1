import 'server-only';

/**
 * SQL for the cells of a staged import row, as SQL text. Each reading is the row-by-row reading
 * (cell-values.ts) or stricter: a value SQL takes is the value the row reader takes, and a cell
 * it cannot vouch for makes the row "not clean", so the row reader explains it (or, when the row
 * reader finds nothing wrong, the import goes the row-by-row way). Nothing here may raise an
 * error on any text: every cast is guarded by a CASE that runs in order.
 */

/** What String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator). */
const JS_WHITESPACE = [
  '0009', '000a', '000b', '000c', '000d', '0020', '00a0', '1680', '2000', '2001', '2002', '2003', '2004', '2005', '2006', '2007', '2008', '2009', '200a', '2028', '2029', '202f', '205f', '3000', 'feff',
]
  .map((code) => `\\${code}`)
  .join('');

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** `raw.trim()` */
export function trimmed(raw: string): string {
  return `btrim(${raw}, U&'${JS_WHITESPACE}')`;
}

/** cleanText from the trimmed text `t`: the exporter's formula guard (one `'` before = + - @ tab CR) removed, empty → null. */
export function cleaned(t: string): string {
  return `(case when ${t} = '' then null when ${t} ~ E'^''+[=+@\\t\\r-]' then substr(${t}, 2) else ${t} end)`;
}

/** ASCII-only lower case, as toLowerCase is on the letters that can match an ASCII word. */
export function asciiLower(value: string): string {
  return `translate(${value}, '${UPPER}', '${UPPER.toLowerCase()}')`;
}

/** parseMoneyCents for plain amounts (no sign, at most 13 digits before the point): cents, or null. */
export function moneyCents(value: string): string {
  return `(case when ${value} ~ '^[0-9]{1,13}([.][0-9]{1,2})?$' then split_part(${value}, '.', 1)::bigint * 100 + rpad(split_part(${value}, '.', 2), 2, '0')::bigint end)`;
}

/** The pattern `instantOf` reads: a date, or a date-time with seconds, fraction and offset optional. */
export const INSTANT_PATTERN =
  "'^([0-9]{4})-([0-9]{2})-([0-9]{2})([Tt]([0-9]{2}):([0-9]{2})(:([0-9]{2})([.]([0-9]+))?)?([Zz]|([+-])([0-9]{2}):?([0-9]{2})))?$'";

/**
 * parseInstant from `m`, the value's `regexp_match` with INSTANT_PATTERN: a date is midnight in
 * `tz` (only when midnight exists once there and is the day's first instant, as zonedMidnight
 * finds it), a date-time is taken with its offset; milliseconds truncated as the reader does.
 */
export function instantOf(m: string, tz: string): string {
  const y = `${m}[1]::int`;
  const mo = `${m}[2]::int`;
  const d = `${m}[3]::int`;
  const day = `make_date(${y}, ${mo}, ${d})::timestamp`;
  const midnight = `(${day} at time zone ${literal(tz)})`;
  const seconds = `coalesce(${m}[8], '0')::int + rpad(coalesce(substr(${m}[10], 1, 3), ''), 3, '0')::int / 1000.0`;
  const offsetMinutes = `(case when ${m}[12] = '-' then -1 else 1 end) * coalesce(${m}[13]::int * 60 + ${m}[14]::int, 0)`;
  return `(case when ${m} is null then null
    when not (${y} between 1900 and 2999 and ${mo} between 1 and 12 and ${d} between 1 and 31) then null
    when to_char(make_date(${y}, ${mo}, 1) + (${d} - 1), 'DD')::int <> ${d} then null
    when ${m}[4] is null then (case
      when ${midnight} at time zone ${literal(tz)} = ${day}
        and (${midnight} - interval '3 hours') at time zone ${literal(tz)} = ${day} - interval '3 hours'
      then ${midnight} end)
    when ${m}[5]::int > 23 or ${m}[6]::int > 59 or coalesce(${m}[8], '0')::int > 59 then null
    when ${m}[13] is not null and (${m}[13]::int > 23 or ${m}[14]::int > 59) then null
    else (make_timestamp(${y}, ${mo}, ${d}, ${m}[5]::int, ${m}[6]::int, (${seconds})::double precision) at time zone 'UTC')
      - make_interval(mins => ${offsetMinutes}) end)`;
}

/** parseEmail for printable ASCII addresses: lower-cased, or null. */
export function emailOf(value: string): string {
  return `(case when ${value} ~ '^[!-?A-~]+@[!-?A-~]+$' then ${asciiLower(value)} end)`;
}

/** parseVocabulary: the word lower-cased when it is one of `allowed`, else null. */
export function vocabularyOf(value: string, allowed: readonly string[]): string {
  return `(case when ${asciiLower(value)} in (${allowed.map(literal).join(', ')}) then ${asciiLower(value)} end)`;
}
