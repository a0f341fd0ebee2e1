import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

/** A period of inclusive calendar dates (YYYY-MM-DD) in the report time zone. */
export interface KpiPeriod {
  from: string;
  to: string;
  tz: string;
}

/** The instants of a period: `start` inclusive, `end` exclusive. */
export interface PeriodBounds {
  start: SQL;
  end: SQL;
}

/**
 * Bounds computed by the database in the report time zone, so a day that loses or gains an
 * hour at a daylight-saving change covers 23 or 25 hours.
 */
export function periodBounds(period: KpiPeriod): PeriodBounds {
  return {
    start: sql`((${period.from}::date)::timestamp at time zone ${period.tz})`,
    end: sql`((${period.to}::date + 1)::timestamp at time zone ${period.tz})`,
  };
}

/** `start <= column < end`. */
export function within(column: SQL, bounds: PeriodBounds): SQL {
  return sql`(${column} >= ${bounds.start} and ${column} < ${bounds.end})`;
}

/**
 * The calendar months `fromMonth`..`toMonth` (YYYY-MM, inclusive) as a set of rows
 * `(month text, start timestamptz, "end" timestamptz)`, for a FROM clause.
 */
export function monthRows(fromMonth: string, toMonth: string, tz: string): SQL {
  assertMonth(fromMonth);
  assertMonth(toMonth);
  return sql`(
    select to_char(m, 'YYYY-MM') as month,
      (m at time zone ${tz}) as start,
      ((m + interval '1 month') at time zone ${tz}) as "end"
    from generate_series(
      (${`${fromMonth}-01`}::date)::timestamp,
      (${`${toMonth}-01`}::date)::timestamp,
      interval '1 month') as m
  )`;
}

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function assertMonth(month: string): void {
  if (!MONTH_PATTERN.test(month)) throw new RangeError(`Expected a month YYYY-MM, got "${month}".`);
}
