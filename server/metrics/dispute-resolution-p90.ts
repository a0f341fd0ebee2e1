import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { percentile, regionMatch, repMatch, toNumberOrNull, type KpiFilters } from './filters';
import { periodBounds, within, type KpiPeriod } from './period';

/**
 * `p90HoursToResolve` (docs/metrics.md): as `medianHoursToResolve`, over the disputes resolved in
 * the period, at the 90th percentile (continuous interpolation, rounded to 0.1; null with none).
 */
export async function p90HoursToResolve(db: Db, params: KpiFilters & { period: KpiPeriod }): Promise<number | null> {
  const bounds = periodBounds(params.period);
  const resolvedInP = sql`(d.status in ('resolved', 'rejected') and ${within(sql`d.resolved_at`, bounds)})`;
  const hours = sql`extract(epoch from (d.resolved_at - d.opened_at)) / 3600`;
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${percentile(0.9, hours, resolvedInP)} as p90
      from disputes d join customers c on c.id = d.customer_id
      where ${regionMatch(sql`c.region_code`, params.region)} and ${repMatch(sql`d.assigned_to_id`, params.rep)}`,
  );
  return toNumberOrNull(row?.p90);
}
