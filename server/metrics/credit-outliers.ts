import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { regionMatch, toInt, toNumberOrNull, type KpiFilters } from './filters';
import { periodBounds, within, type KpiPeriod } from './period';

/** A rep needs this many credited disputes in the period to be a peer, and to be flagged. */
export const OUTLIER_MIN_CASES = 5;
/** Flagged when the rep's credit per case is more than this many times the peer median. */
export const OUTLIER_FACTOR = 1.5;

export interface CreditOutlierParams extends KpiFilters {
  period: KpiPeriod;
}

export interface CreditOutlierRow {
  rep: string;
  name: string;
  /** Distinct disputes the rep issued compensation against in P. */
  cases: number;
  totalCents: number;
  /** `totalCents / cases`, unrounded. */
  perCaseCents: number;
  /** `perCaseCents / peerMedianCents`; null without a peer median. */
  ratioToMedian: number | null;
  /** Has at least OUTLIER_MIN_CASES cases, so counts in the peer median. */
  peer: boolean;
  flagged: boolean;
}

export interface CreditOutliers {
  minCases: number;
  factor: number;
  /** Median (continuous) of `perCaseCents` over the peers; null with no peers. */
  peerMedianCents: number | null;
  peers: number;
  reps: CreditOutlierRow[];
}

/**
 * Reps whose credit per billing dispute is far above their peers'. Per rep, over compensation
 * issued in P by that rep and linked to a dispute (the dispute credit and any goodwill on the
 * same case): total ÷ distinct disputes. Peers are the reps with at least OUTLIER_MIN_CASES
 * disputes; a peer is flagged when their credit per case is more than OUTLIER_FACTOR × the
 * peers' median. The region filter (customer's region) narrows the population; the rep filter
 * only narrows the rows returned, so a rep is still measured against everyone else.
 */
export async function creditOutliers(db: Db, params: CreditOutlierParams): Promise<CreditOutliers> {
  const bounds = periodBounds(params.period);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with per_rep as (
        select u.email as rep, u.name, count(distinct k.dispute_id)::int as cases,
          sum(k.amount_cents)::bigint as total,
          sum(k.amount_cents)::float8 / count(distinct k.dispute_id) as per_case
        from compensations k
          join customers c on c.id = k.customer_id
          join users u on u.id = k.issued_by_id
        where k.dispute_id is not null and ${within(sql`k.issued_at`, bounds)}
          and ${regionMatch(sql`c.region_code`, params.region)}
        group by u.email, u.name
      ), peers as (
        select percentile_cont(0.5) within group (order by per_case) as median, count(*)::int as n
        from per_rep where cases >= ${OUTLIER_MIN_CASES}
      )
      select r.rep, r.name, r.cases, r.total, r.per_case, p.median, p.n
      from per_rep r cross join peers p
      order by r.per_case desc, r.rep collate "C"`,
  );

  const first = rows[0];
  const peerMedianCents = first ? toNumberOrNull(first.median) : null;
  const reps = rows
    .map((r): CreditOutlierRow => {
      const cases = toInt(r.cases);
      const perCaseCents = Number(r.per_case);
      const peer = cases >= OUTLIER_MIN_CASES;
      return {
        rep: String(r.rep),
        name: String(r.name),
        cases,
        totalCents: toInt(r.total),
        perCaseCents,
        ratioToMedian: peerMedianCents ? perCaseCents / peerMedianCents : null,
        peer,
        flagged: peer && peerMedianCents !== null && perCaseCents > OUTLIER_FACTOR * peerMedianCents,
      };
    })
    .filter((r) => params.rep === null || r.rep === params.rep);
  return {
    minCases: OUTLIER_MIN_CASES,
    factor: OUTLIER_FACTOR,
    peerMedianCents,
    peers: first ? toInt(first.n) : 0,
    reps,
  };
}
