import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { affectedCustomer } from '../../metrics/outages';
import type { Settings } from '../settings';

/**
 * The outage compensation policy over the legal minimum, from the settings:
 * - `minHours`: an outage shorter than this owes nobody anything;
 * - `multiplier`: the pro-rata amount is multiplied by it (rounded half up);
 * - `floorCents`: nobody affected gets less.
 * None of them can take an amount below the legal minimum.
 */
export interface CompensationPolicy {
  multiplier: number;
  floorCents: number;
  minHours: number;
}

export function compensationPolicy(settings: Settings): CompensationPolicy {
  return {
    multiplier: settings.outageCompMultiplier,
    floorCents: settings.outageCompFloorCents,
    minHours: settings.outageCompMinHours,
  };
}

/** The hours of a month in the legal pro-rata: 720 h = 2,592,000 s. */
const SECONDS_PER_LEGAL_MONTH = 2_592_000;

/**
 * Outage `id` as the row `o` that affectedCustomer reads, plus `secs`: how long it lasted, exact to
 * the microsecond (numeric); an unresolved outage runs to `now`.
 */
function outageRow(outageId: number, now: Date): SQL {
  return sql`select o.*,
      greatest(extract(epoch from (coalesce(o.resolved_at, ${now.toISOString()}::timestamptz) - o.started_at)), 0) as secs
    from outages o where o.id = ${outageId}`;
}

/** docs/metrics.md: round_half_up(monthly_fee × outage_hours / 720), in exact numeric arithmetic. */
const legalCents = sql`round(c.monthly_fee_cents * o.secs / ${SECONDS_PER_LEGAL_MONTH})`;

/** What the policy owes customer `c` for outage `o`: 0 below the minimum hours, else the largest of legal, multiplied and floor. */
function owedCents(policy: CompensationPolicy): SQL {
  return sql`case when o.secs < ${String(policy.minHours)}::numeric * 3600 then 0
    else greatest(${legalCents},
      round(c.monthly_fee_cents * o.secs * ${String(policy.multiplier)}::numeric / ${SECONDS_PER_LEGAL_MONTH}),
      ${policy.floorCents}::bigint)
    end`;
}

export interface AffectedQuery {
  outageId: number;
  /** Only this region's customers (a regional manager), or all. */
  region: string | null;
  policy: CompensationPolicy;
  now: Date;
}

/**
 * `with o, a`: the outage `o` and its affected customers `a` (the KPI engine's definition), each
 * with `legal_cents`, `owed_cents` and `credited_cents` (the outage credit already issued, or null).
 */
export function affectedWith(q: AffectedQuery): SQL {
  return sql`with o as (${outageRow(q.outageId, q.now)}),
    a as (
      select c.id, c.account_number, c.postcode, c.region_code, c.monthly_fee_cents,
        (${legalCents})::bigint as legal_cents,
        (${owedCents(q.policy)})::bigint as owed_cents,
        k.amount_cents as credited_cents
      from o
      join customers c on ${affectedCustomer(q.region)}
      -- The outage id as a value, not o.id: then the partial unique index (outage_id, customer_id)
      -- provably applies and serves the lookup, whatever the planner thinks of the table's size.
      left join compensations k on k.outage_id = ${q.outageId} and k.customer_id = c.id and k.kind = 'outage_credit'
    )`;
}

/** A customer still owed a credit: something is owed and no outage credit was issued. */
export const STILL_OWED = sql`(a.credited_cents is null and a.owed_cents > 0)`;
