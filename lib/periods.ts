/** Calendar dates as `YYYY-MM-DD` strings; periods are inclusive of both ends (docs/metrics.md). */
export interface Period {
  from: string;
  to: string;
}

export const PERIOD_PRESETS = ['this_month', 'last_month', 'last_30_days', 'last_90_days', 'quarter_to_date', 'year_to_date'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PRESET_LABELS: Record<PeriodPreset | 'custom', string> = {
  this_month: 'This month',
  last_month: 'Last month',
  last_30_days: 'Last 30 days',
  last_90_days: 'Last 90 days',
  quarter_to_date: 'Quarter to date',
  year_to_date: 'Year to date',
  custom: 'Custom range',
};

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in `YYYY-MM-DD` form (rejects 2024-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_RE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return toIsoDate(date) === value;
}

function parse(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(value: string, days: number): string {
  return toIsoDate(new Date(parse(value).getTime() + days * DAY_MS));
}

/** Number of calendar days in an inclusive period. */
export function periodDays(period: Period): number {
  return Math.round((parse(period.to).getTime() - parse(period.from).getTime()) / DAY_MS) + 1;
}

/** The period of equal length that ends where this one starts. */
export function previousPeriod(period: Period): Period {
  const days = periodDays(period);
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

/** Today's calendar date in a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function presetPeriod(preset: PeriodPreset, today: string): Period {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const monthStart = (y: number, m: number) => toIsoDate(new Date(Date.UTC(y, m - 1, 1)));
  switch (preset) {
    case 'this_month':
      return { from: monthStart(year, month), to: today };
    case 'last_month': {
      const from = monthStart(year, month - 1);
      return { from, to: addDays(monthStart(year, month), -1) };
    }
    case 'last_30_days':
      return { from: addDays(today, -29), to: today };
    case 'last_90_days':
      return { from: addDays(today, -89), to: today };
    case 'quarter_to_date':
      return { from: monthStart(year, Math.floor((month - 1) / 3) * 3 + 1), to: today };
    case 'year_to_date':
      return { from: monthStart(year, 1), to: today };
  }
}
