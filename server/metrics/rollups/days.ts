import 'server-only';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** Rows of one grain whose day is in [from, until): 'd' rows are days, 'm' rows the months starting on `day`. */
interface GrainRange {
  grain: 'd' | 'm';
  from: string | null;
  until: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function addDays(day: string, days: number): string {
  if (!DAY.test(day)) throw new RangeError(`Expected a day YYYY-MM-DD, got "${day}".`);
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const monthStart = (day: string) => `${day.slice(0, 8)}01`;
const nextMonthStart = (day: string) => monthStart(addDays(monthStart(day), 31));

/** The days from `from` to `to` (inclusive), as whole months where they cover one and single days elsewhere. */
export function periodGrains(from: string, to: string): GrainRange[] {
  const until = addDays(to, 1);
  if (from >= until) return [];
  const firstMonth = from.endsWith('-01') ? from : nextMonthStart(from);
  const monthsUntil = monthStart(until);
  if (firstMonth >= monthsUntil) return [{ grain: 'd', from, until }];
  return [
    ...(from < firstMonth ? [{ grain: 'd' as const, from, until: firstMonth }] : []),
    { grain: 'm', from: firstMonth, until: monthsUntil },
    ...(monthsUntil < until ? [{ grain: 'd' as const, from: monthsUntil, until }] : []),
  ];
}

/** Every day before `day` (exclusive), for cumulative counts: whole months, then the days of `day`'s month. */
export function grainsBefore(day: string): GrainRange[] {
  const month = monthStart(addDays(day, 0));
  return [
    { grain: 'm', from: null, until: month },
    ...(month < day ? [{ grain: 'd' as const, from: month, until: day }] : []),
  ];
}

/** The day after `day`: the first day not in a period that ends on `day`. */
export const dayAfter = (day: string) => addDays(day, 1);

/** A rollup table's `grain` and `day` columns fall in one of the ranges. */
export function inGrains(table: { grain: AnyColumn; day: AnyColumn }, ranges: readonly GrainRange[]): SQL {
  if (ranges.length === 0) return sql`false`;
  return sql`(${sql.join(
    ranges.map(
      (g) =>
        sql`(${table.grain} = ${g.grain} and ${table.day} < ${g.until}::date${g.from === null ? sql`` : sql` and ${table.day} >= ${g.from}::date`})`,
    ),
    sql` or `,
  )})`;
}
