import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { percentile, regionMatch, repMatch, toNumberOrNull, type KpiFilters } from './filters';
import { periodBounds, type KpiPeriod } from './period';
import { disputeResolvedIn, hoursToResolve } from './rules/disputes';
import { c, d } from './rules/tables';

/**
 * `p90HoursToResolve` (docs/metrics.md): as `medianHoursToResolve`, over the disputes resolved in
 * the period, at the 90th percentile (continuous interpolation, rounded to 0.1; null with none).
 */
export async function p90HoursToResolve(db: Db, params: KpiFilters & { period: KpiPeriod }): Promise<number | null> {
  const [row] = await db
    .select({ p90: percentile(0.9, hoursToResolve).mapWith(toNumberOrNull) })
    .from(d)
    .innerJoin(c, eq(c.id, d.customerId))
    .where(
      and(
        disputeResolvedIn(periodBounds(params.period)),
        regionMatch(sql`${c.regionCode}`, params.region),
        repMatch(sql`${d.assignedToId}`, params.rep),
      ),
    );
  return row?.p90 ?? null;
}
