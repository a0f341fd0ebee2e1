/** Wall-clock arithmetic in an IANA zone with Intl only, so the rules stay pure (no database). */

import { localDate as localDateOf, offsetMs } from '@/lib/wall-clock';

/** The local calendar date of an instant, `YYYY-MM-DD`. */
export function localDate(at: Date, timeZone: string): string {
  return localDateOf(at.getTime(), timeZone);
}

/** The instant of `date` at `hour`:00 local (the later one when a clock change makes it ambiguous). */
export function localInstant(date: string, hour: number, timeZone: string): Date {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d, hour);
  const first = guess - offsetMs(guess, timeZone);
  const second = guess - offsetMs(first, timeZone);
  return new Date(second);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/**
 * Seconds of [start, end) that fall between `fromHour`:00 and `toHour`:00 local on any day
 * (Spain's 08:00–22:00 window), daylight-saving days included.
 */
export function secondsWithinDailyWindow(
  start: Date,
  end: Date,
  fromHour: number,
  toHour: number,
  timeZone: string,
): number {
  if (end <= start) return 0;
  let total = 0;
  const last = localDate(end, timeZone);
  for (let date = localDate(start, timeZone); date <= last; date = addDays(date, 1)) {
    const windowStart = localInstant(date, fromHour, timeZone).getTime();
    const windowEnd = localInstant(date, toHour, timeZone).getTime();
    const overlap = Math.min(end.getTime(), windowEnd) - Math.max(start.getTime(), windowStart);
    if (overlap > 0) total += overlap;
  }
  return total / 1000;
}
