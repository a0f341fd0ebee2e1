import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rollupCompensations as rk, users } from '@/db/schema';
import { regionMatch, repMatch, type KpiFilters } from './filters';
import type { KpiPeriod } from './period';
import { inGrains, periodGrains } from './rollups/days';
import { ensureRollups } from './rollups/state';
import { sumOf } from './rollups/sum';

export interface CompensationGroup {
  key: string;
  count: number;
  totalCents: number;
}

export interface CompensationFigures {
  count: number;
  totalCents: number;
  byKind: CompensationGroup[];
  byRegion: CompensationGroup[];
  byRep: CompensationGroup[];
}

export interface CompensationParams extends KpiFilters {
  period: KpiPeriod;
}

/** The caller's scope on the compensation rollup: the customer's region, the issuing rep. */
export const compensationRollupScope = (filters: KpiFilters) =>
  and(regionMatch(sql`${rk.regionCode}`, filters.region), repMatch(sql`${rk.repId}`, filters.rep));

/** The issuing rep's email; compensation nobody issued (rep_id 0) is 'automatic'. */
export const issuerKey: SQL<string> = sql<string>`coalesce(${users.email}, 'automatic')`;

/** Compensation issued in the period, in total and by kind, customer region and issuing rep. */
export async function compensationFigures(db: Db, params: CompensationParams): Promise<CompensationFigures> {
  await ensureRollups(db, { tz: params.period.tz });
  const where = and(inGrains(rk, periodGrains(params.period.from, params.period.to)), compensationRollupScope(params));
  const measures = { count: sumOf(rk.count), totalCents: sumOf(rk.amountCents) };

  const grouped = (key: SQL<string>) =>
    db
      .select({ key, ...measures })
      .from(rk)
      .leftJoin(users, eq(users.id, rk.repId))
      .where(where)
      .groupBy(key)
      .having(sql`sum(${rk.count}) > 0`)
      .orderBy(sql`sum(${rk.amountCents}) desc`, sql`${key} collate "C"`);

  const [[totals], byKind, byRegion, byRep] = await Promise.all([
    db.select(measures).from(rk).where(where),
    grouped(sql<string>`${rk.kind}`),
    grouped(sql<string>`${rk.regionCode}`),
    grouped(issuerKey),
  ]);
  return { count: totals?.count ?? 0, totalCents: totals?.totalCents ?? 0, byKind, byRegion, byRep };
}
