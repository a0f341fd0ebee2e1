import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import type { LegalPolicy } from '@/lib/billing';
import type { Explanation, OperatorPolicy } from '../../compensation-policies/types';
import { toInt } from '../../metrics/filters';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';
import { recordAudit } from '../audit';
import { newRef } from '../refs';
import { getSettings } from '../settings';
import { assertMayManage, customerScope, loadOutageForActor } from './access';
import { affectedCompensations, compensationBasis, isStillOwed, type AffectedCompensation } from './legal-compensation';

export interface OwedCustomer {
  accountNumber: string;
  postcode: string | null;
  regionCode: string;
  monthlyFeeCents: number;
  legalCents: number;
  owedCents: number;
  explanation: Explanation;
  operatorArithmetic: string[];
}

/** The customers under one legal policy (and version) of the outage. */
export interface PolicyGroup {
  policy: LegalPolicy;
  version: string;
  rule: string;
  customers: number;
  legalCents: number;
  /** Of the legal minimum, what is credited without the customer asking (Spain: above €1). */
  automaticCents: number;
  owedCents: number;
  issuedCents: number;
}

export interface OutageCompensation {
  open: boolean;
  /** Hours the outage lasted, or has lasted so far. */
  hours: number;
  belowMinimumHours: boolean;
  forceMajeure: boolean;
  services: string[] | null;
  policy: OperatorPolicy;
  currency: string;
  /** Limited to this region's customers (regional manager), or null. */
  region: string | null;
  affected: number;
  /** Σ the legal minimum under each customer's regional policy (docs/metrics.md). */
  legalMinimumCents: number;
  /** Σ what is owed automatically: the legal minimum credited without asking, with the operator's policy on top. */
  policyCents: number;
  byPolicy: PolicyGroup[];
  /** Outage credits issued for this outage. */
  issued: { count: number; cents: number };
  stillOwed: { count: number; cents: number; first: OwedCustomer[] };
  /** Credited less than owed now, e.g. credited while the outage was still running. */
  shortfall: { count: number; cents: number };
}

const owedCustomer = (a: AffectedCompensation): OwedCustomer => ({
  accountNumber: a.accountNumber,
  postcode: a.postcode,
  regionCode: a.regionCode,
  monthlyFeeCents: a.monthlyFeeCents,
  legalCents: a.explanation.legalCents,
  owedCents: a.owedCents,
  explanation: a.explanation,
  operatorArithmetic: a.operatorArithmetic,
});

/**
 * Legal minimum against what was issued for one outage, per policy, and who is still owed (count,
 * total and the first rows by account number, each with its explanation). `now` ends an outage
 * that is still open.
 */
export async function outageCompensation(
  db: Db,
  actor: SessionUser,
  params: { ref: string; firstRows?: number },
  now: Date = new Date(),
): Promise<OutageCompensation> {
  const outage = await loadOutageForActor(db, actor, params.ref);
  const settings = await getSettings(db);
  const basis = await compensationBasis(db, outage, settings, now);
  const region = customerScope(actor);
  const firstRows = params.firstRows ?? 20;

  const groups = new Map<string, PolicyGroup>();
  const totals = { affected: 0, legal: 0, owed: 0, owedCount: 0, owedCents: 0, shortCount: 0, shortCents: 0 };
  let first: AffectedCompensation[] = [];
  for await (const page of affectedCompensations(db, basis, { region })) {
    for (const a of page) {
      const e = a.explanation;
      const key = `${e.policy}@${e.version}`;
      const group = groups.get(key) ?? {
        policy: e.policy,
        version: e.version,
        rule: e.rule,
        customers: 0,
        legalCents: 0,
        automaticCents: 0,
        owedCents: 0,
        issuedCents: 0,
      };
      group.customers++;
      group.legalCents += e.legalCents;
      group.automaticCents += e.automatic ? e.legalCents : 0;
      group.owedCents += a.owedCents;
      group.issuedCents += a.creditedCents ?? 0;
      groups.set(key, group);
      totals.affected++;
      totals.legal += e.legalCents;
      totals.owed += a.owedCents;
      if (isStillOwed(a)) {
        totals.owedCount++;
        totals.owedCents += a.owedCents;
        first.push(a);
      } else if (a.creditedCents !== null && a.creditedCents < a.owedCents) {
        totals.shortCount++;
        totals.shortCents += a.owedCents - a.creditedCents;
      }
    }
    // Keep only the first rows by account number, so memory stays bounded on a large outage.
    first = first.sort(byAccount).slice(0, firstRows);
  }

  const [issued] = await queryRows<{ count: unknown; cents: unknown }>(
    db,
    sql`select count(*)::int as count, coalesce(sum(k.amount_cents), 0)::bigint as cents
      from compensations k join customers c on c.id = k.customer_id
      where k.outage_id = ${outage.id} and k.kind = 'outage_credit'
        and (${region}::text is null or c.region_code = ${region})`,
  );
  const hours = (basis.facts.endedAt.getTime() - basis.facts.startedAt.getTime()) / 3_600_000;
  return {
    open: outage.resolvedAt === null,
    hours,
    belowMinimumHours: hours < basis.operator.minHours,
    forceMajeure: outage.forceMajeure,
    services: outage.services,
    policy: basis.operator,
    currency: settings.currency,
    region,
    affected: totals.affected,
    legalMinimumCents: totals.legal,
    policyCents: totals.owed,
    byPolicy: [...groups.values()].sort((a, b) => b.customers - a.customers || a.policy.localeCompare(b.policy)),
    issued: { count: toInt(issued?.count), cents: toInt(issued?.cents) },
    stillOwed: { count: totals.owedCount, cents: totals.owedCents, first: first.map(owedCustomer) },
    shortfall: { count: totals.shortCount, cents: totals.shortCents },
  };
}

function byAccount(a: AffectedCompensation, b: AffectedCompensation): number {
  return a.accountNumber < b.accountNumber ? -1 : a.accountNumber > b.accountNumber ? 1 : 0;
}

export interface CustomerOutageCompensation extends OwedCustomer {
  /** The outage credit already issued, or null. */
  creditedCents: number | null;
  stillOwedCents: number;
}

/** One affected customer's legal minimum for the outage, with its explanation, what was issued and what is still owed. */
export async function customerOutageCompensation(
  db: Db,
  actor: SessionUser,
  params: { ref: string; account: string },
  now: Date = new Date(),
): Promise<CustomerOutageCompensation> {
  const outage = await loadOutageForActor(db, actor, params.ref);
  const basis = await compensationBasis(db, outage, await getSettings(db), now);
  for await (const page of affectedCompensations(db, basis, {
    region: customerScope(actor),
    account: params.account,
  })) {
    const [a] = page;
    if (a) {
      return {
        ...owedCustomer(a),
        creditedCents: a.creditedCents,
        stillOwedCents: Math.max(0, a.owedCents - (a.creditedCents ?? 0)),
      };
    }
  }
  throw new ApiError(
    'not_found',
    `Customer ${params.account} is not among the customers outage ${outage.outageRef} affected.`,
    { key: 'notAffected', params: { account: params.account, ref: outage.outageRef } },
  );
}

export interface CompensateAllResult {
  /** Credits created by this run; 0 when everyone owed had been credited already. */
  created: number;
  createdCents: number;
  forced: boolean;
}

const INSERT_CHUNK = 5_000;

/**
 * Credits every affected customer still owed, in one transaction: one `outage_credit` per customer
 * at the amount owed under the region's legal policy and the operator's policy on top, issued now
 * as automatic compensation (no issuing rep; the audit log names who ran it), refs `CP-<run>-<n>`.
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
    throw new ApiError('forbidden', 'Only an admin can compensate an outage that is still open.', {
      key: 'forceOpenAdmin',
    });
  }
  return db.transaction(async (tx) => {
    // A share lock: concurrent runs proceed together, a change of the outage's times waits.
    const outage = await loadOutageForActor(tx, actor, params.ref, { lock: 'share' });
    if (outage.resolvedAt === null && !force) {
      throw new ApiError(
        'bad_request',
        'The outage is still open: record when it was resolved first, so every customer is credited for all of it.',
        { key: 'outageStillOpen' },
      );
    }
    const settings = await getSettings(tx);
    const basis = await compensationBasis(tx, outage, settings, now);
    const region = customerScope(actor);
    const owed: { id: number; cents: number; policy: LegalPolicy }[] = [];
    for await (const page of affectedCompensations(tx, basis, { region })) {
      for (const a of page)
        if (isStillOwed(a)) owed.push({ id: a.id, cents: a.owedCents, policy: a.explanation.policy });
    }
    const run = newRef('CP');
    const result = { created: 0, createdCents: 0, forced: force };
    const policies: Partial<Record<LegalPolicy, number>> = {};
    for (let offset = 0; offset < owed.length; offset += INSERT_CHUNK) {
      const chunk = owed.slice(offset, offset + INSERT_CHUNK);
      const inserted = await queryRows<{ customer_id: unknown; amount_cents: unknown }>(
        tx,
        sql`insert into compensations (comp_ref, customer_id, kind, amount_cents, issued_at, issued_by_id, outage_id)
          select ${run} || '-' || (${offset}::int + u.n), u.customer_id, 'outage_credit', u.amount,
            ${now.toISOString()}::timestamptz, null, ${outage.id}::int
          from unnest(${sql.param(chunk.map((c) => c.id))}::int[], ${sql.param(chunk.map((c) => String(c.cents)))}::bigint[])
            with ordinality as u(customer_id, amount, n)
          order by u.n
          on conflict (outage_id, customer_id) where kind = 'outage_credit' and outage_id is not null do nothing
          returning customer_id, amount_cents`,
      );
      const policyOf = new Map(chunk.map((c) => [c.id, c.policy]));
      for (const row of inserted) {
        result.created++;
        result.createdCents += toInt(row.amount_cents);
        const policy = policyOf.get(toInt(row.customer_id));
        if (policy) policies[policy] = (policies[policy] ?? 0) + 1;
      }
    }
    if (result.created > 0) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'outage.compensate_all',
        entity: 'outage',
        entityId: outage.outageRef,
        details: {
          ...result,
          region,
          policy: basis.operator,
          legalPolicies: policies,
          open: outage.resolvedAt === null,
          issuedAt: now.toISOString(),
        },
      });
    }
    return result;
  });
}
