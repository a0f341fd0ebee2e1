import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { regionMatch, repMatch, toInt, type KpiFilters } from './filters';
import { periodBounds, within, type KpiPeriod } from './period';

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

/** Compensation issued in the period, in total and by kind, customer region and issuing rep. */
export async function compensationFigures(db: Db, params: CompensationParams): Promise<CompensationFigures> {
  const bounds = periodBounds(params.period);
  const where = sql`${within(sql`k.issued_at`, bounds)}
    and ${regionMatch(sql`c.region_code`, params.region)}
    and ${repMatch(sql`k.issued_by_id`, params.rep)}`;
  const from = sql`compensations k join customers c on c.id = k.customer_id left join users u on u.id = k.issued_by_id`;

  const grouped = (key: SQL) =>
    queryRows<Record<string, unknown>>(
      db,
      sql`select ${key} as key, count(*)::int as count, coalesce(sum(k.amount_cents), 0)::bigint as "totalCents"
        from ${from}
        where ${where}
        group by 1
        order by coalesce(sum(k.amount_cents), 0) desc, ${key} collate "C"`,
    );

  const [totals, byKind, byRegion, byRep] = await Promise.all([
    queryRows<Record<string, unknown>>(
      db,
      sql`select count(*)::int as count, coalesce(sum(k.amount_cents), 0)::bigint as "totalCents" from ${from} where ${where}`,
    ),
    grouped(sql`k.kind`),
    grouped(sql`c.region_code`),
    grouped(sql`coalesce(u.email, 'automatic')`),
  ]);

  const toGroup = (r: Record<string, unknown>): CompensationGroup => ({
    key: String(r.key),
    count: toInt(r.count),
    totalCents: toInt(r.totalCents),
  });
  const row = totals[0] ?? {};
  return {
    count: toInt(row.count),
    totalCents: toInt(row.totalCents),
    byKind: byKind.map(toGroup),
    byRegion: byRegion.map(toGroup),
    byRep: byRep.map(toGroup),
  };
}
