import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { regionMatch, repMatch, toInt, type KpiFilters } from './filters';
import { periodBounds, type KpiPeriod } from './period';

/**
 * Age of an open dispute at the end instant of the period, `end - opened_at`: a bucket holds
 * ages from `fromHours` (inclusive) up to `toHours` (exclusive). The drill-down's `age` values.
 */
export const BACKLOG_AGE_BUCKETS = [
  { bucket: '0-24h', label: '0–24 h', fromHours: 0, toHours: 24 },
  { bucket: '24-72h', label: '24–72 h', fromHours: 24, toHours: 72 },
  { bucket: '3-7d', label: '3–7 days', fromHours: 72, toHours: 168 },
  { bucket: '7d+', label: 'over 7 days', fromHours: 168, toHours: null },
] as const;

export type BacklogAgeBucket = (typeof BACKLOG_AGE_BUCKETS)[number]['bucket'];

export interface BacklogAgeCount {
  bucket: BacklogAgeBucket;
  label: string;
  count: number;
}

export interface BacklogAgeingParams extends KpiFilters {
  period: KpiPeriod;
}

/**
 * The disputes of `backlogAtEnd` (opened before the end of the period, not resolved by then)
 * by how long they had been open at that instant. The buckets add up to `backlogAtEnd`.
 */
export async function backlogAgeing(db: Db, params: BacklogAgeingParams): Promise<BacklogAgeCount[]> {
  const { end } = periodBounds(params.period);
  const hoursBefore = (hours: number) => sql`(${end} - make_interval(hours => ${hours}::int))`;
  // Age >= h  <=>  opened_at <= end - h; comparing instants avoids rounding epochs.
  const columns = sql.join(
    BACKLOG_AGE_BUCKETS.map(({ bucket, fromHours, toHours }) => {
      const older = sql`d.opened_at <= ${hoursBefore(fromHours)}`;
      const younger = toHours === null ? sql`true` : sql`d.opened_at > ${hoursBefore(toHours)}`;
      return sql`count(*) filter (where ${older} and ${younger})::int as ${sql.raw(`"${bucket}"`)}`;
    }),
    sql`, `,
  );
  const [row = {}] = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${columns}
      from disputes d join customers c on c.id = d.customer_id
      where d.opened_at < ${end} and (d.resolved_at is null or d.resolved_at >= ${end})
        and ${regionMatch(sql`c.region_code`, params.region)} and ${repMatch(sql`d.assigned_to_id`, params.rep)}`,
  );
  return BACKLOG_AGE_BUCKETS.map(({ bucket, label }) => ({ bucket, label, count: toInt(row[bucket]) }));
}
