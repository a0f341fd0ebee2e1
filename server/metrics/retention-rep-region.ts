import 'server-only';
import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { regionMatch, repMatch, type KpiFilters } from './filters';
import { periodBounds, type KpiPeriod } from './period';
import { ratioOf } from './rollups/sum';
import { caseClosedIn } from './rules/retention';
import { c, r, u } from './rules/tables';

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
  const rows = await db
    .select({
      rep: u.email,
      region: c.regionCode,
      closed: count(),
      saved: sql<number>`count(*) filter (where ${r.outcome} = 'saved')`.mapWith(Number),
    })
    .from(r)
    .innerJoin(c, eq(c.id, r.customerId))
    .innerJoin(u, eq(u.id, r.repId))
    .where(
      and(
        caseClosedIn(periodBounds(params.period)),
        regionMatch(sql`${c.regionCode}`, params.region),
        repMatch(sql`${r.repId}`, params.rep),
      ),
    )
    .groupBy(u.email, c.regionCode)
    .orderBy(sql`${u.email} collate "C"`, sql`${c.regionCode} collate "C"`);
  return rows.map((row) => ({ ...row, saveRate: ratioOf(row.saved, row.closed) }));
}
