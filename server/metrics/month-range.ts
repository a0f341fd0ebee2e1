import { assertMonth } from './period';

export interface MonthRange {
  /** Calendar months YYYY-MM, inclusive. */
  fromMonth: string;
  toMonth: string;
}

/** The `months` calendar months that end with the month of `to` (YYYY-MM-DD), for trend charts. */
export function trailingMonths(to: string, months: number): MonthRange {
  const toMonth = to.slice(0, 7);
  assertMonth(toMonth);
  const [year, month] = toMonth.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1 - (months - 1), 1));
  return { fromMonth: first.toISOString().slice(0, 7), toMonth };
}

/** Every calendar month from `fromMonth` to `toMonth` (YYYY-MM, inclusive), in order. */
export function monthsBetween(fromMonth: string, toMonth: string): string[] {
  assertMonth(fromMonth);
  assertMonth(toMonth);
  const months: string[] = [];
  const [year, month] = fromMonth.split('-').map(Number) as [number, number];
  for (let i = 0; ; i++) {
    const m = new Date(Date.UTC(year, month - 1 + i, 1)).toISOString().slice(0, 7);
    if (m > toMonth) return months;
    months.push(m);
  }
}
