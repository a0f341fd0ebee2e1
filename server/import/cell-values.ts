import 'server-only';
import { localDate, utcMs, zonedMidnight } from './zoned-time';

/** A cell turned into a value, or why it could not be. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/**
 * The exporter prefixes a text that starts with = + - @ tab CR or NUL with `'` against spreadsheet
 * formula injection (docs/data-contract.md), and so also one that starts with quotes before such a
 * character: stripping exactly one quote then gives back every text unchanged.
 */
const FORMULA_GUARDED = /^'+[=+\-@\t\r\0]/;

/** Removes the exporter's formula guard (one leading `'`), if the text carries one. */
export function unguardFormula(text: string): string {
  return FORMULA_GUARDED.test(text) ? text.slice(1) : text;
}

/** A text cell: trimmed, the exporter's formula guard removed, empty → null. */
export function cleanText(raw: string): string | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  return unguardFormula(trimmed);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const DATE_HELP = 'use YYYY-MM-DD or ISO 8601 with an offset, e.g. 2024-05-03T16:00:00+02:00';

/** Wider than any care-operations date, narrower than what PostgreSQL and Date accept; catches typos like 0224. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  const d = new Date(utcMs(year, month, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function parseOffsetMinutes(offset: string): number | null {
  if (offset.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 23 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** `YYYY-MM-DD` (midnight in `timeZone`) or an ISO 8601 date-time with an offset. */
export function parseInstant(value: string, timeZone: string): Parsed<Date> {
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    if (!isCalendarDate(year, month, day)) {
      return fail(`not a calendar date between ${MIN_YEAR} and ${MAX_YEAR}; ${DATE_HELP}`);
    }
    return ok(zonedMidnight(year, month, day, timeZone));
  }
  const m = DATE_TIME.exec(value);
  if (!m) return fail(`not a date; ${DATE_HELP}`);
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i])) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(m[6] ?? '0');
  const millis = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    return fail(`not a valid date and time; ${DATE_HELP}`);
  }
  if (m[8] === undefined) return fail(`a date-time needs a UTC offset (Z or ±HH:MM); ${DATE_HELP}`);
  const offset = parseOffsetMinutes(m[8]);
  if (offset === null) return fail(`not a valid UTC offset; ${DATE_HELP}`);
  return ok(new Date(utcMs(year, month, day, hour, minute, second, millis) - offset * 60_000));
}

/** A calendar date (`YYYY-MM-DD`); a date-time with an offset is taken as its date in `timeZone`. */
export function parseDate(value: string, timeZone: string): Parsed<string> {
  const instant = parseInstant(value, timeZone);
  if (!instant.ok) return instant;
  return ok(DATE_ONLY.test(value) ? value : localDate(instant.value.getTime(), timeZone));
}

const MONEY = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** A decimal amount with at most 2 places and `.` as separator, as integer cents (parsed as text: no float rounding). */
export function parseMoneyCents(value: string): Parsed<number> {
  const m = MONEY.exec(value);
  if (!m) {
    if (/^-?\d+\.\d{3,}$/.test(value)) return fail('at most 2 decimal places');
    if (value.includes(',')) return fail('use "." as the decimal separator and no thousands separators, e.g. 1234.50');
    return fail('not an amount; use a decimal like 49.90');
  }
  const units = Number(m[2]);
  const cents = units * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return fail('amount too large');
  return ok(m[1] === '-' && cents !== 0 ? -cents : cents);
}

const INT32_MAX = 2_147_483_647;

export function parseInteger(value: string): Parsed<number> {
  if (!/^-?\d+$/.test(value)) return fail('not a whole number');
  const n = Number(value);
  if (Math.abs(n) > INT32_MAX) return fail('number too large');
  return ok(n);
}

const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0']);

export function parseBoolean(value: string): Parsed<boolean> {
  const word = value.toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return fail('use true or false (also yes/no, 1/0)');
}

/** Emails are stored lower-cased (a check constraint on users insists). */
export function parseEmail(value: string): Parsed<string> {
  const email = value.toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(email) ? ok(email) : fail('not an email address');
}

/** One of a fixed vocabulary; matched without regard to case. */
export function parseVocabulary<T extends string>(value: string, allowed: readonly T[]): Parsed<T> {
  const word = value.toLowerCase();
  const match = allowed.find((a) => a === word);
  return match === undefined ? fail(`must be one of: ${allowed.join(', ')}`) : ok(match);
}

/** A `;`-separated list: items trimmed, empty items and repeats dropped. */
export function parseList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(';')
        .map((item) => cleanText(item))
        .filter((item): item is string => item !== null),
    ),
  ];
}
