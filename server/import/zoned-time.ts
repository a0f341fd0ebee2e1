import 'server-only';
import { localDate, offsetMs, utcMs, wallFields } from '@/lib/wall-clock';

export { isValidTimeZone, localDate, utcMs } from '@/lib/wall-clock';

/** Intl is slow and big files repeat the same few thousand days; bounded so memory stays flat. */
const MIDNIGHT_CACHE_SIZE = 20_000;
const midnights = new Map<string, number>();

/**
 * The first instant of a calendar day in a zone. The offset at midnight can differ from the
 * offset at the UTC guess on a daylight-saving day, so both candidates are tried; when midnight
 * does not exist (a zone that springs forward at 00:00) the day starts at the later candidate.
 */
export function zonedMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const cacheKey = `${timeZone} ${year}-${month}-${day}`;
  const cached = midnights.get(cacheKey);
  if (cached !== undefined) return new Date(cached);
  if (midnights.size >= MIDNIGHT_CACHE_SIZE) midnights.clear();
  const wall = utcMs(year, month, day);
  const first = wall - offsetMs(wall, timeZone);
  const second = wall - offsetMs(first, timeZone);
  const target = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const onDay = [first, second].filter((t) => localDate(t, timeZone) === target);
  const midnight = onDay.length > 0 ? Math.min(...onDay) : Math.max(first, second);
  midnights.set(cacheKey, midnight);
  return new Date(midnight);
}

/** An instant as ISO 8601 with the zone's offset, e.g. `2024-05-03T16:00:00.250+02:00` (milliseconds when any). */
export function zonedIso(at: Date, timeZone: string): string {
  const instantMs = at.getTime();
  const w = wallFields(instantMs, timeZone);
  const offsetMinutes = Math.round(offsetMs(instantMs, timeZone) / 60_000);
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const offset = `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  const ms = at.getUTCMilliseconds();
  const fraction = ms === 0 ? '' : `.${pad(ms, 3)}`;
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${fraction}${offset}`;
}
