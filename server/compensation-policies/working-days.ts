import 'server-only';
import Holidays from 'date-holidays';
import type { UkNation } from '@/lib/billing';
import { addDays, weekday } from './zoned-time';

const holidaysByYear = new Map<string, ReadonlySet<string>>();

/** The nation's bank and public holidays of a year, as `YYYY-MM-DD` (substitute days included). */
export function bankHolidays(nation: UkNation, year: number): ReadonlySet<string> {
  const key = `${nation}:${year}`;
  let days = holidaysByYear.get(key);
  if (!days) {
    const calendar = new Holidays('GB', nation);
    days = new Set(
      (calendar.getHolidays(year) || [])
        .filter((h) => h.type === 'public' || h.type === 'bank')
        .map((h) => h.date.slice(0, 10)),
    );
    holidaysByYear.set(key, days);
  }
  return days;
}

/** Monday to Friday and not a bank holiday of the nation. */
export function isWorkingDay(date: string, nation: UkNation): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !bankHolidays(nation, Number(date.slice(0, 4))).has(date);
}

/** The `n`th working day after `date` (the day itself does not count: it is not a full day). */
export function nthWorkingDayAfter(date: string, n: number, nation: UkNation): string {
  let found = 0;
  let day = date;
  while (found < n) {
    day = addDays(day, 1);
    if (isWorkingDay(day, nation)) found++;
  }
  return day;
}
