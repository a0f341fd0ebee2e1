import { addDays, presetPeriod, type Period } from '../periods';
import { localDate } from '../wall-clock';
import type { SchedulePeriod } from './vocabulary';

/**
 * The dates a run exports: relative to the run's due day in the report time zone, and never the
 * due day itself unless the preset says "to date" (a run at 06:00 would hold a quarter of a day).
 */
export function resolveSchedulePeriod(period: SchedulePeriod, dueAt: Date, timeZone: string): Period {
  const today = localDate(dueAt.getTime(), timeZone);
  const yesterday = addDays(today, -1);
  switch (period) {
    case 'yesterday':
      return { from: yesterday, to: yesterday };
    case 'last_7_days':
      return { from: addDays(today, -7), to: yesterday };
    case 'last_30_days':
      return { from: addDays(today, -30), to: yesterday };
    case 'month_to_date':
      return presetPeriod('this_month', today);
    case 'last_month':
      return presetPeriod('last_month', today);
  }
}
