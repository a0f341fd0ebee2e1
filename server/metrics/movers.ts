import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rollupCompensations as rk, rollupCustomers as rc, rollupDisputes as rd, rollupRetention as rr, users } from '@/db/schema';
import { compensationRollupScope, issuerKey } from './compensation';
import { disputeMeasures, disputeRollupScope } from './disputes';
import { regionMatch, type KpiFilters } from './filters';
import type { KpiPeriod } from './period';
import { closedMeasures, retentionRollupWhere } from './retention';
import { grainsBefore, inGrains, periodGrains } from './rollups/days';
import { ensureRollups } from './rollups/state';
import { sumOf } from './rollups/sum';

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

interface PeriodRow {
  key: string;
  num: number;
  den?: number;
  base: number;
}

function pairUp(current: PeriodRow[], previous: PeriodRow[], value: (row: PeriodRow) => number | null): Pair[] {
  const byKey = new Map<string, Pair>();
  const add = (rows: PeriodRow[], side: 'cur' | 'prev') => {
    for (const row of rows) {
      const pair = byKey.get(row.key) ?? { key: row.key, cur: null, prev: null, base: 0 };
      pair[side] = value(row);
      pair.base = Math.max(pair.base, row.base);
      byKey.set(row.key, pair);
    }
  };
  add(current, 'cur');
  add(previous, 'prev');
  return [...byKey.values()];
}

const rate = (row: PeriodRow) => (row.den === undefined || row.den === 0 ? null : row.num / row.den);
const count = (row: PeriodRow) => row.num;

/** Per region: churned in P over active at its start (regions with customers). */
async function churnByRegion(db: Db, period: KpiPeriod, filters: KpiFilters): Promise<PeriodRow[]> {
  const inP = inGrains(rc, periodGrains(period.from, period.to));
  const before = inGrains(rc, grainsBefore(period.from));
  const rows = await db
    .select({
      key: rc.regionCode,
      churned: sumOf(rc.churned, inP),
      active: sumOf(sql`${rc.joined} - ${rc.churned}`, before),
      customers: sumOf(rc.joined),
    })
    .from(rc)
    .where(regionMatch(sql`${rc.regionCode}`, filters.region))
    .groupBy(rc.regionCode);
  return rows.filter((r) => r.customers > 0).map((r) => ({ key: r.key, num: r.churned, den: r.active, base: r.active }));
}

/** Per region: disputes opened in P. */
async function disputesByRegion(db: Db, period: KpiPeriod, filters: KpiFilters): Promise<PeriodRow[]> {
  const rows = await db
    .select({ key: rd.regionCode, opened: disputeMeasures.opened })
    .from(rd)
    .where(and(inGrains(rd, periodGrains(period.from, period.to)), disputeRollupScope(filters)))
    .groupBy(rd.regionCode);
  return rows.filter((r) => r.opened > 0).map((r) => ({ key: r.key, num: r.opened, base: r.opened }));
}

/** Per issuing rep ('automatic' for nobody): compensation issued in P, in cents; its base in euros. */
async function compensationByRep(db: Db, period: KpiPeriod, filters: KpiFilters): Promise<PeriodRow[]> {
  const rows = await db
    .select({ key: issuerKey, count: sumOf(rk.count), cents: sumOf(rk.amountCents) })
    .from(rk)
    .leftJoin(users, eq(users.id, rk.repId))
    .where(and(inGrains(rk, periodGrains(period.from, period.to)), compensationRollupScope(filters)))
    .groupBy(issuerKey);
  return rows.filter((r) => r.count > 0).map((r) => ({ key: r.key, num: r.cents, base: r.cents / 100 }));
}

/** Per rep: saves over cases closed in P. */
async function savesByRep(db: Db, period: KpiPeriod, filters: KpiFilters): Promise<PeriodRow[]> {
  const rows = await db
    .select({ key: users.email, ...closedMeasures })
    .from(rr)
    .innerJoin(users, eq(users.id, rr.repId))
    .where(retentionRollupWhere({ period, ...filters }, 'closed'))
    .groupBy(users.email);
  return rows.filter((r) => r.closed > 0).map((r) => ({ key: r.key, num: r.saved, den: r.closed, base: r.closed }));
}

/**
 * "What changed": the regions and reps whose churn, disputes, compensation or save rate moved the
 * most against the previous period, ranked by relative change among those with a real base.
 */
export async function biggestMovers(db: Db, params: MoversParams): Promise<Mover[]> {
  await ensureRollups(db, { tz: params.current.tz });
  if (params.previous.tz !== params.current.tz) throw new RangeError('Both periods need one time zone.');
  const filters: KpiFilters = { region: params.region, rep: params.rep };
  const both = <T>(figure: (db: Db, period: KpiPeriod, filters: KpiFilters) => Promise<T>) =>
    Promise.all([figure(db, params.current, filters), figure(db, params.previous, filters)]);
  const [churn, disputes, compensation, saves] = await Promise.all([
    both(churnByRegion),
    both(disputesByRegion),
    both(compensationByRep),
    both(savesByRep),
  ]);

  const candidates: Mover[] = [
    ...toMovers(pairUp(...churn, rate), 'region', 'churnRate', params),
    ...toMovers(pairUp(...disputes, count), 'region', 'disputesOpened', params),
    ...toMovers(pairUp(...compensation, count), 'rep', 'compensationCents', params),
    ...toMovers(pairUp(...saves, rate), 'rep', 'saveRate', params),
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
