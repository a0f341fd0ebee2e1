import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { activeAt } from './churn';
import { regionMatch, repMatch, toInt, type KpiFilters } from './filters';
import { periodBounds, type KpiPeriod, type PeriodBounds } from './period';

export type MoverMetric = 'churnRate' | 'disputesOpened' | 'compensationCents' | 'saveRate';

export interface Mover {
  dimension: 'region' | 'rep';
  key: string;
  metric: MoverMetric;
  current: number | null;
  previous: number | null;
  /** Change relative to the previous period (0.25 = +25 %); for rates, relative to the old rate. */
  change: number;
}

export interface MoversParams extends KpiFilters {
  current: KpiPeriod;
  previous: KpiPeriod;
  /** Smallest base (customers, disputes, closed cases, euros) a mover must have in either period. */
  minimumBase?: number;
  limit?: number;
}

interface Pair {
  key: string;
  cur: number | null;
  prev: number | null;
  /** Volume behind the figure, so tiny bases do not top the list. */
  base: number;
}

/** The two periods as rows `(p, start, "end")` for a FROM clause. */
function periods(current: PeriodBounds, previous: PeriodBounds): SQL {
  return sql`(select 'cur' as p, ${current.start} as start, ${current.end} as "end"
    union all select 'prev', ${previous.start}, ${previous.end})`;
}

function pairUp(rows: Record<string, unknown>[], value: (row: Record<string, unknown>) => number | null): Pair[] {
  const byKey = new Map<string, Pair>();
  for (const row of rows) {
    const key = String(row.key);
    const pair = byKey.get(key) ?? { key, cur: null, prev: null, base: 0 };
    if (row.p === 'cur') pair.cur = value(row);
    else pair.prev = value(row);
    pair.base = Math.max(pair.base, toInt(row.base));
    byKey.set(key, pair);
  }
  return [...byKey.values()];
}

const rate = (row: Record<string, unknown>) => (toInt(row.den) === 0 ? null : toInt(row.num) / toInt(row.den));

/**
 * "What changed": the regions and reps whose churn, disputes, compensation or save rate moved the
 * most against the previous period, ranked by relative change among those with a real base.
 */
export async function biggestMovers(db: Db, params: MoversParams): Promise<Mover[]> {
  const both = periods(periodBounds(params.current), periodBounds(params.previous));
  const inRegion = regionMatch(sql`c.region_code`, params.region);
  const window = (column: SQL) => sql`(${column} >= pp.start and ${column} < pp."end")`;

  const [churn, disputes, compensation, saves] = await Promise.all([
    queryRows<Record<string, unknown>>(
      db,
      sql`select pp.p, c.region_code as key,
          count(*) filter (where ${window(sql`c.churned_at`)}) as num,
          count(*) filter (where ${activeAt(sql`pp.start`)}) as den,
          count(*) filter (where ${activeAt(sql`pp.start`)}) as base
        from ${both} pp cross join customers c where ${inRegion} group by 1, 2`,
    ),
    queryRows<Record<string, unknown>>(
      db,
      sql`select pp.p, c.region_code as key, count(*) as num, count(*) as base
        from ${both} pp join disputes d on ${window(sql`d.opened_at`)} join customers c on c.id = d.customer_id
        where ${inRegion} and ${repMatch(sql`d.assigned_to_id`, params.rep)} group by 1, 2`,
    ),
    queryRows<Record<string, unknown>>(
      db,
      sql`select pp.p, coalesce(u.email, 'automatic') as key, sum(k.amount_cents) as num, sum(k.amount_cents) / 100 as base
        from ${both} pp join compensations k on ${window(sql`k.issued_at`)}
        join customers c on c.id = k.customer_id left join users u on u.id = k.issued_by_id
        where ${inRegion} and ${repMatch(sql`k.issued_by_id`, params.rep)} group by 1, 2`,
    ),
    queryRows<Record<string, unknown>>(
      db,
      sql`select pp.p, u.email as key, count(*) filter (where r.outcome = 'saved') as num, count(*) as den, count(*) as base
        from ${both} pp join retention_cases r on r.outcome in ('saved', 'churned') and ${window(sql`r.closed_at`)}
        join customers c on c.id = r.customer_id join users u on u.id = r.rep_id
        where ${inRegion} and ${repMatch(sql`r.rep_id`, params.rep)} group by 1, 2`,
    ),
  ]);

  const count = (row: Record<string, unknown>) => toInt(row.num);
  const candidates: Mover[] = [
    ...toMovers(pairUp(churn, rate), 'region', 'churnRate', params),
    ...toMovers(pairUp(disputes, count), 'region', 'disputesOpened', params),
    ...toMovers(pairUp(compensation, count), 'rep', 'compensationCents', params),
    ...toMovers(pairUp(saves, rate), 'rep', 'saveRate', params),
  ];
  return candidates
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.key.localeCompare(b.key))
    .slice(0, params.limit ?? 8);
}

function toMovers(pairs: Pair[], dimension: Mover['dimension'], metric: MoverMetric, params: MoversParams): Mover[] {
  const minimumBase = params.minimumBase ?? 10;
  return pairs
    .filter((p) => p.base >= minimumBase && p.cur !== null && p.prev !== null && p.prev !== 0)
    .map((p) => ({
      dimension,
      key: p.key,
      metric,
      current: p.cur,
      previous: p.prev,
      change: ((p.cur ?? 0) - (p.prev ?? 0)) / (p.prev ?? 1),
    }))
    .filter((m) => m.change !== 0);
}
