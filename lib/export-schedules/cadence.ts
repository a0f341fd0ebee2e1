import { addDays } from '../periods';
import { localDate, utcMs, wallFields } from '../wall-clock';
import type { ExportCadence } from './vocabulary';

export interface Cadence {
  cadence: ExportCadence;
  /** Whole hour of the zone's wall clock, 0–23. */
  hour: number;
  /** ISO weekday 1 (Monday) … 7 (Sunday), for weekly. */
  weekday: number | null;
  /** 1–28, for monthly. */
  dayOfMonth: number | null;
}

const HOUR_MS = 3_600_000;

/**
 * The instant a date's wall-clock hour happens in a zone. On the night clocks go forward an hour
 * that does not exist runs when the clocks resume (02:00 in Madrid's gap is 03:00 CEST); on the
 * night they go back an hour that happens twice runs the first time, so a schedule never runs twice.
 */
export function zonedHour(date: string, hour: number, timeZone: string): Date {
  const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
  const wall = utcMs(y, m, d, hour);
  // The zone's offsets a little before and after: at most one transition lies between them.
  const offsets = [wall - 14 * HOUR_MS, wall + 14 * HOUR_MS].map((t) => {
    const f = wallFields(t, timeZone);
    return utcMs(f.year, f.month, f.day, f.hour, f.minute, f.second) - t;
  });
  const matches = offsets
    .map((offset) => wall - offset)
    .filter((t) => {
      const f = wallFields(t, timeZone);
      return localDate(t, timeZone) === date && f.hour === hour && f.minute === 0;
    })
    .sort((a, b) => a - b);
  // No match: the hour falls in a gap; the earlier offset moves it forward by the gap's length.
  return new Date(matches[0] ?? wall - (offsets[0] ?? 0));
}

/** ISO weekday (1 Monday … 7 Sunday) of a calendar date. */
function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function runsOn(date: string, c: Cadence): boolean {
  switch (c.cadence) {
    case 'daily':
      return true;
    case 'weekly':
      return isoWeekday(date) === c.weekday;
    case 'monthly':
      return Number(date.slice(8, 10)) === c.dayOfMonth;
  }
}

/** The first due instant of a cadence strictly after `after`, in the zone's wall clock. */
export function nextDueAt(c: Cadence, after: Date, timeZone: string): Date {
  const today = localDate(after.getTime(), timeZone);
  // A month and a half covers every monthly day (1–28) and every weekday.
  for (let i = -1; i <= 45; i++) {
    const date = addDays(today, i);
    if (!runsOn(date, c)) continue;
    const due = zonedHour(date, c.hour, timeZone);
    if (due.getTime() > after.getTime()) return due;
  }
  throw new Error('No due date within 45 days: the cadence is incomplete.');
}
