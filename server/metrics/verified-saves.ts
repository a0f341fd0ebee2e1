import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { ratio, regionMatch, repMatch, toInt, toNumberOrNull, type KpiFilters } from './filters';
import { periodBounds, within, type KpiPeriod } from './period';

/** Days after the close at which a save is checked. */
export const VERIFY_HORIZONS = [30, 60, 90] as const;
export type VerifyHorizon = (typeof VERIFY_HORIZONS)[number];

export interface VerifiedAt {
  days: VerifyHorizon;
  /** Saves whose horizon had passed at `asOf`: the denominator. */
  verifiable: number;
  /** Of those, the customer was still active `days` after the close. */
  verified: number;
  /** `verified / verifiable`; null when no save is old enough. */
  rate: number | null;
}

export interface VerifiedSaveGroup {
  /** Cases saved in the period, whether verifiable yet or not. */
  saved: number;
  horizons: VerifiedAt[];
}

export interface VerifiedSaves extends VerifiedSaveGroup {
  /** The instant the horizons were measured against (the request time). */
  asOf: string;
  byRep: ({ rep: string } & VerifiedSaveGroup)[];
  byOffer: ({ offerType: string } & VerifiedSaveGroup)[];
}

export interface VerifiedSaveParams extends KpiFilters {
  period: KpiPeriod;
  asOf: Date;
}

/** `closed_at + N days`, N days being N × 24 hours (no calendar or time-zone arithmetic). */
const horizonEnd = (days: number): SQL => sql`(s.closed_at + make_interval(hours => ${days * 24}::int))`;

/**
 * Verified saves (docs/metrics.md): among the cases saved in the period, for N = 30, 60 and 90, the
 * share whose customer was still active N days after the close, counting only the saves whose
 * N days had passed at `asOf`; the others are not verifiable yet and stay out of the denominator.
 */
export async function verifiedSaves(db: Db, params: VerifiedSaveParams): Promise<VerifiedSaves> {
  const bounds = periodBounds(params.period);
  const asOf = sql`${params.asOf.toISOString()}::timestamptz`;
  const scope = sql`${regionMatch(sql`c.region_code`, params.region)} and ${repMatch(sql`r.rep_id`, params.rep)}`;
  const columns = VERIFY_HORIZONS.map((days) => {
    const passed = sql`${horizonEnd(days)} <= ${asOf}`;
    const stillActive = sql`(s.churned_at is null or s.churned_at >= ${horizonEnd(days)})`;
    return sql`count(*) filter (where ${passed})::int as ${sql.raw(`verifiable_${days}`)},
      count(*) filter (where ${passed} and ${stillActive})::int as ${sql.raw(`verified_${days}`)},
      ${ratio(sql`count(*) filter (where ${passed} and ${stillActive})`, sql`count(*) filter (where ${passed})`)}
        as ${sql.raw(`rate_${days}`)}`;
  });

  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with s as (
        select u.email as rep, r.offer_type, r.closed_at, c.churned_at
        from retention_cases r
        join customers c on c.id = r.customer_id
        join users u on u.id = r.rep_id
        where r.outcome = 'saved' and ${within(sql`r.closed_at`, bounds)} and ${scope}
      )
      select grouping(s.rep)::int as by_rep_grouped, grouping(s.offer_type)::int as by_offer_grouped,
        s.rep, s.offer_type, count(*)::int as saved, ${sql.join(columns, sql`, `)}
      from s
      group by grouping sets ((), (s.rep), (s.offer_type))
      order by s.rep collate "C" nulls first, s.offer_type collate "C" nulls first`,
  );

  const group = (row: Record<string, unknown>): VerifiedSaveGroup => ({
    saved: toInt(row.saved),
    horizons: VERIFY_HORIZONS.map((days) => ({
      days,
      verifiable: toInt(row[`verifiable_${days}`]),
      verified: toInt(row[`verified_${days}`]),
      rate: toNumberOrNull(row[`rate_${days}`]),
    })),
  });
  const total = rows.find((r) => toInt(r.by_rep_grouped) === 1 && toInt(r.by_offer_grouped) === 1);
  return {
    asOf: params.asOf.toISOString(),
    ...(total ? group(total) : group({ saved: 0 })),
    byRep: rows.filter((r) => toInt(r.by_rep_grouped) === 0).map((r) => ({ rep: String(r.rep), ...group(r) })),
    byOffer: rows
      .filter((r) => toInt(r.by_offer_grouped) === 0)
      .map((r) => ({ offerType: String(r.offer_type), ...group(r) })),
  };
}

/** The three headline rates, as the KPI document names them. */
export function verifiedSaveRates(v: VerifiedSaveGroup): Record<`verifiedSaveRate${VerifyHorizon}`, number | null> {
  const rate = (days: VerifyHorizon) => v.horizons.find((h) => h.days === days)?.rate ?? null;
  return { verifiedSaveRate30: rate(30), verifiedSaveRate60: rate(60), verifiedSaveRate90: rate(90) };
}
