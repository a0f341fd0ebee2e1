import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { ratio, regionMatch, repMatch, toInt, toNumberOrNull, type KpiFilters } from './filters';
import { periodBounds, within, type KpiPeriod } from './period';

export interface RepRegionRow {
  rep: string;
  region: string;
  closed: number;
  saved: number;
  saveRate: number | null;
}

/**
 * `byRepRegion` (docs/metrics.md): the cases closed in the period per (rep, customer's region), as
 * in `retentionFigures.byRep`, by rep email, then region code.
 */
export async function retentionByRepRegion(
  db: Db,
  params: KpiFilters & { period: KpiPeriod },
): Promise<RepRegionRow[]> {
  const bounds = periodBounds(params.period);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select u.email as rep, c.region_code as region, count(*)::int as closed,
        count(*) filter (where r.outcome = 'saved')::int as saved,
        ${ratio(sql`count(*) filter (where r.outcome = 'saved')`, sql`count(*)`)} as "saveRate"
      from retention_cases r
      join customers c on c.id = r.customer_id
      join users u on u.id = r.rep_id
      where r.outcome in ('saved', 'churned') and ${within(sql`r.closed_at`, bounds)}
        and ${regionMatch(sql`c.region_code`, params.region)} and ${repMatch(sql`r.rep_id`, params.rep)}
      group by u.email, c.region_code
      order by u.email collate "C", c.region_code collate "C"`,
  );
  return rows.map((r) => ({
    rep: String(r.rep),
    region: String(r.region),
    closed: toInt(r.closed),
    saved: toInt(r.saved),
    saveRate: toNumberOrNull(r.saveRate),
  }));
}
