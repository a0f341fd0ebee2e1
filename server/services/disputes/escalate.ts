import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, retentionCases, users } from '@/db/schema';
import type { ChurnCategory } from '@/lib/vocabularies';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';
import { enqueueJob } from '../../jobs/enqueue';
import { newRef } from '../refs';
import { loadDisputeForChange } from './access';
import { commitDisputeChange } from './change';

/** The active retention rep of a region with the fewest pending cases (then the longest-standing account). */
async function retentionRepFor(
  db: Db,
  regionCode: string,
): Promise<{ id: number; email: string; name: string } | null> {
  const pending = sql<number>`(select count(*) from ${retentionCases} rc where rc.rep_id = ${users.id} and rc.outcome = 'pending')`;
  const [rep] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(
      and(eq(users.role, 'rep'), eq(users.team, 'retention'), eq(users.active, true), eq(users.regionCode, regionCode)),
    )
    .orderBy(asc(pending), asc(users.id))
    .limit(1);
  return rep ?? null;
}

/**
 * Hands a customer who is threatening to leave over to the retention desk — the only team that
 * may offer discounts. Creates a pending retention case linked to the dispute, at risk of the
 * customer's monthly fee, for the least busy retention rep of the customer's region.
 */
export async function escalateToRetention(
  db: Db,
  actor: SessionUser,
  params: { ref: string; version: number; reason: ChurnCategory; note?: string | undefined },
): Promise<{ caseRef: string; rep: { email: string; name: string }; version: number }> {
  return db.transaction(async (tx) => {
    const dispute = await loadDisputeForChange(tx, actor, params);
    const [customer] = await tx
      .select({ id: customers.id, churnedAt: customers.churnedAt, monthlyFeeCents: customers.monthlyFeeCents })
      .from(customers)
      .where(eq(customers.id, dispute.customerId));
    if (!customer) throw new Error(`customer ${dispute.customerId} of dispute ${dispute.disputeRef} is missing`);
    if (customer.churnedAt)
      throw new ApiError('bad_request', 'The customer has already left; there is no one to retain.', {
        key: 'customerLeft',
      });
    const [open] = await tx
      .select({ caseRef: retentionCases.caseRef })
      .from(retentionCases)
      .where(and(eq(retentionCases.customerId, customer.id), eq(retentionCases.outcome, 'pending')))
      .limit(1);
    if (open) {
      throw new ApiError('bad_request', `The customer already has a pending retention case, ${open.caseRef}.`, {
        key: 'pendingRetentionCase',
        params: { ref: open.caseRef },
      });
    }

    const rep = (await retentionRepFor(tx, dispute.regionCode)) ?? {
      id: actor.id,
      email: actor.email,
      name: actor.name,
    };
    const caseRef = newRef('RC');
    const at = new Date();
    const { version } = await commitDisputeChange(tx, actor, dispute, {
      expectedVersion: params.version,
      kind: 'escalated_to_retention',
      changes: { retentionCase: { from: null, to: caseRef } },
      note: params.note ?? null,
      details: { caseRef, repEmail: rep.email, reason: params.reason },
      at,
    });
    const [escalated] = await tx
      .insert(retentionCases)
      .values({
        caseRef,
        customerId: customer.id,
        repId: rep.id,
        openedAt: at,
        reason: params.reason,
        offerType: 'none',
        outcome: 'pending',
        mrrAtRiskCents: customer.monthlyFeeCents,
        escalatedFromDisputeId: dispute.id,
        notes: params.note ?? `Escalated from billing dispute ${dispute.disputeRef}.`,
      })
      .returning({ id: retentionCases.id });
    if (escalated) await enqueueJob(tx, 'notify', { kind: 'retention_escalation', retentionCaseId: escalated.id });
    return { caseRef, rep: { email: rep.email, name: rep.name }, version };
  });
}
