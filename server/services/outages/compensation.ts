import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { toInt } from '../../metrics/filters';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';
import { recordAudit } from '../audit';
import { newRef } from '../refs';
import { getSettings } from '../settings';
import { assertMayManage, customerScope, loadOutageForActor } from './access';
import { affectedWith, compensationPolicy, STILL_OWED, type CompensationPolicy } from './compensation-sql';

export interface OwedCustomer {
  accountNumber: string;
  postcode: string | null;
  regionCode: string;
  monthlyFeeCents: number;
  owedCents: number;
}

export interface OutageCompensation {
  open: boolean;
  /** Hours the outage lasted, or has lasted so far. */
  hours: number;
  belowMinimumHours: boolean;
  policy: CompensationPolicy;
  currency: string;
  /** Limited to this region's customers (regional manager), or null. */
  region: string | null;
  affected: number;
  /** Σ round_half_up(fee × hours / 720) over the affected customers (docs/metrics.md). */
  legalMinimumCents: number;
  /** Σ what the policy owes them: what "compensate all" issues to those not yet credited. */
  policyCents: number;
  /** Outage credits issued for this outage. */
  issued: { count: number; cents: number };
  stillOwed: { count: number; cents: number; first: OwedCustomer[] };
  /** Credited less than owed now, e.g. credited while the outage was still running. */
  shortfall: { count: number; cents: number };
}

/**
 * Legal minimum against what was issued for one outage, and who is still owed (count, total
 * and the first rows by account number). `now` ends an outage that is still open.
 */
export async function outageCompensation(
  db: Db,
  actor: SessionUser,
  params: { ref: string; firstRows?: number },
  now: Date = new Date(),
): Promise<OutageCompensation> {
  const outage = await loadOutageForActor(db, actor, params.ref);
  const settings = await getSettings(db);
  const policy = compensationPolicy(settings);
  const region = customerScope(actor);
  const query = { outageId: outage.id, region, policy, now };
  const [totals = {}] = await queryRows<Record<string, unknown>>(
    db,
    sql`${affectedWith(query)}
      select (select o.secs from o)::float8 / 3600 as hours,
        count(*)::int as affected,
        coalesce(sum(a.legal_cents), 0)::bigint as legal,
        coalesce(sum(a.owed_cents), 0)::bigint as policy,
        count(*) filter (where ${STILL_OWED})::int as owed_count,
        coalesce(sum(a.owed_cents) filter (where ${STILL_OWED}), 0)::bigint as owed_cents,
        count(*) filter (where a.credited_cents < a.owed_cents)::int as short_count,
        coalesce(sum(a.owed_cents - a.credited_cents) filter (where a.credited_cents < a.owed_cents), 0)::bigint as short_cents,
        (select count(*) from compensations k join customers c on c.id = k.customer_id
          where k.outage_id = ${outage.id} and k.kind = 'outage_credit'
            and (${region}::text is null or c.region_code = ${region}))::int as issued_count,
        (select coalesce(sum(k.amount_cents), 0) from compensations k join customers c on c.id = k.customer_id
          where k.outage_id = ${outage.id} and k.kind = 'outage_credit'
            and (${region}::text is null or c.region_code = ${region}))::bigint as issued_cents
      from a`,
  );
  const first = await queryRows<{
    account_number: string;
    postcode: string | null;
    region_code: string;
    monthly_fee_cents: unknown;
    owed_cents: unknown;
  }>(
    db,
    sql`${affectedWith(query)}
      select a.account_number, a.postcode, a.region_code, a.monthly_fee_cents, a.owed_cents
      from a where ${STILL_OWED}
      order by a.account_number collate "C"
      limit ${params.firstRows ?? 20}`,
  );
  const hours = Number(totals.hours ?? 0);
  return {
    open: outage.resolvedAt === null,
    hours,
    belowMinimumHours: hours < policy.minHours,
    policy,
    currency: settings.currency,
    region,
    affected: toInt(totals.affected),
    legalMinimumCents: toInt(totals.legal),
    policyCents: toInt(totals.policy),
    issued: { count: toInt(totals.issued_count), cents: toInt(totals.issued_cents) },
    stillOwed: {
      count: toInt(totals.owed_count),
      cents: toInt(totals.owed_cents),
      first: first.map((r) => ({
        accountNumber: r.account_number,
        postcode: r.postcode,
        regionCode: r.region_code,
        monthlyFeeCents: toInt(r.monthly_fee_cents),
        owedCents: toInt(r.owed_cents),
      })),
    },
    shortfall: { count: toInt(totals.short_count), cents: toInt(totals.short_cents) },
  };
}

export interface CompensateAllResult {
  /** Credits created by this run; 0 when everyone owed had been credited already. */
  created: number;
  createdCents: number;
  forced: boolean;
}

/**
 * Credits every affected customer still owed, in one transaction and one INSERT … SELECT: one
 * `outage_credit` per customer at the policy amount, issued now by the actor, refs `CP-<run>-<n>`.
 * Idempotent: the partial unique index on (outage_id, customer_id) is the arbiter of
 * `on conflict do nothing`, so a second run, or a concurrent one (which waits for the first to
 * commit), inserts nothing; only the rows actually inserted are counted. Refused while the
 * outage is open, unless an admin forces it (the credit then covers the hours so far, and is final).
 */
export async function compensateAll(
  db: Db,
  actor: SessionUser,
  params: { ref: string; force?: boolean },
  now: Date = new Date(),
): Promise<CompensateAllResult> {
  assertMayManage(actor);
  const force = params.force ?? false;
  if (force && actor.role !== 'admin') {
    throw new ApiError('forbidden', 'Only an admin can compensate an outage that is still open.');
  }
  return db.transaction(async (tx) => {
    // A share lock: concurrent runs proceed together, a change of the outage's times waits.
    const outage = await loadOutageForActor(tx, actor, params.ref, { lock: 'share' });
    if (outage.resolvedAt === null && !force) {
      throw new ApiError(
        'bad_request',
        'The outage is still open: record when it was resolved first, so every customer is credited for all of it.',
      );
    }
    const settings = await getSettings(tx);
    const policy = compensationPolicy(settings);
    const region = customerScope(actor);
    const [row] = await queryRows<{ created: unknown; cents: unknown }>(
      tx,
      sql`${affectedWith({ outageId: outage.id, region, policy, now })},
        inserted as (
          insert into compensations (comp_ref, customer_id, kind, amount_cents, issued_at, issued_by_id, outage_id)
          select ${newRef('CP')} || '-' || row_number() over (order by a.id), a.id, 'outage_credit', a.owed_cents,
            ${now.toISOString()}::timestamptz, ${actor.id}::int, o.id
          from a cross join o
          where ${STILL_OWED}
          order by a.id
          on conflict (outage_id, customer_id) where kind = 'outage_credit' and outage_id is not null do nothing
          returning amount_cents
        )
        select count(*)::int as created, coalesce(sum(amount_cents), 0)::bigint as cents from inserted`,
    );
    const result = { created: toInt(row?.created), createdCents: toInt(row?.cents), forced: force };
    if (result.created > 0) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'outage.compensate_all',
        entity: 'outage',
        entityId: outage.outageRef,
        details: { ...result, region, policy, open: outage.resolvedAt === null, issuedAt: now.toISOString() },
      });
    }
    return result;
  });
}
