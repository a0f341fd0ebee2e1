import 'server-only';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds since the epoch of a UTC wall time; unlike Date.UTC, years 0–99 are not shifted to 19xx. */
export function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const d = new Date(Date.UTC(2000, 0, 1, hour, minute, second, ms));
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/** The wall-clock fields of an instant in a zone. */
function wallFields(instantMs: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const field = (name: string) => parts[name] ?? 0;
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

/** The zone's UTC offset at an instant, in milliseconds (east positive). */
function offsetMs(instantMs: number, timeZone: string): number {
  const w = wallFields(instantMs, timeZone);
  const wholeSeconds = Math.floor(instantMs / 1000) * 1000;
  return utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second) - wholeSeconds;
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instantMs: number, timeZone: string): string {
  const w = wallFields(instantMs, timeZone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

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
