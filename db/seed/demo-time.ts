import type { Rng } from './random';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** A billing month, as the churn model counts them. */
export const MONTH = 30 * DAY;

/**
 * "Demo today": every generated instant is placed relative to this fixed anchor, never to the
 * wall clock, so the data is identical on every run.
 */
export const ANCHOR = Date.UTC(2026, 10, 15, 12, 0, 0);
/** Operations data (cases, disputes, outages) covers the three years before the anchor. */
export const WINDOW_START = Date.UTC(2023, 10, 15, 12, 0, 0);
/** The customer base migrated from the old CRM starts earlier, so churn rates are sane from day one. */
export const LEGACY_START = Date.UTC(2022, 4, 15, 12, 0, 0);

function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/** Europe/Madrid offset from UTC at an instant (EU rule: last Sundays of March and October, 01:00 UTC). */
export function madridOffset(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const summerStart = Date.UTC(year, 2, lastSunday(year, 2), 1);
  const summerEnd = Date.UTC(year, 9, lastSunday(year, 9), 1);
  return ms >= summerStart && ms < summerEnd ? 2 * HOUR : HOUR;
}

/** The instant of a Madrid wall-clock time (month is 0-based, as in Date.UTC). */
export function atMadrid(year: number, month: number, day: number, hour: number, minute = 0, second = 0): number {
  const wall = Date.UTC(year, month, day, hour, minute, second);
  return wall - madridOffset(wall - HOUR);
}

/** A random instant between fromHour and toHour, Madrid time, on the Madrid calendar day of `ms`. */
export function duringDay(rng: Rng, ms: number, fromHour = 8, toHour = 21): number {
  const local = new Date(ms + madridOffset(ms));
  const seconds = rng.int(fromHour * 3600, toHour * 3600 - 1);
  return atMadrid(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 0, 0, seconds);
}

/** Calendar months later, in UTC (day clamped to the target month's length). */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const target = new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime();
}

/** Whole seconds: exports and timelines read better without milliseconds. */
export function seconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** The Madrid calendar date of an instant, as YYYY-MM-DD. */
export function madridDate(ms: number): string {
  return new Date(ms + madridOffset(ms)).toISOString().slice(0, 10);
}
