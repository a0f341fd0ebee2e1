import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { regionMatch, repMatch, type KpiFilters } from './filters';
import { periodBounds, type KpiPeriod } from './period';
import { disputeAgedAt, disputeInBacklogAt } from './rules/disputes';
import { c, d } from './rules/tables';

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
  const counts = Object.fromEntries(
    BACKLOG_AGE_BUCKETS.map(({ bucket, fromHours, toHours }) => [
      bucket,
      sql<number>`count(*) filter (where ${disputeAgedAt(end, fromHours, toHours)})`.mapWith(Number),
    ]),
  );
  const [row] = await db
    .select(counts)
    .from(d)
    .innerJoin(c, eq(c.id, d.customerId))
    .where(
      and(
        disputeInBacklogAt(end),
        regionMatch(sql`${c.regionCode}`, params.region),
        repMatch(sql`${d.assignedToId}`, params.rep),
      ),
    );
  return BACKLOG_AGE_BUCKETS.map(({ bucket, label }) => ({ bucket, label, count: row?.[bucket] ?? 0 }));
}
