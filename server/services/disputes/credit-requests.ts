import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { compensations, creditRequests, customers, disputes, users } from '@/db/schema';
import { formatCents } from '@/lib/format';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';
import { enqueueJob } from '../../jobs/enqueue';
import { newRef } from '../refs';
import { getSettings } from '../settings';
import { inScope, loadDisputeForActor } from './access';
import { commitDisputeChange } from './change';

function assertMayDecide(actor: SessionUser): void {
  if (actor.role !== 'manager' && actor.role !== 'admin') {
    throw new ApiError('forbidden', 'Only a manager or an admin may decide credit requests.', {
      key: 'decideCreditsRole',
    });
  }
}

const requestNotFound = (id: number) =>
  new ApiError('not_found', `Credit request #${id} was not found.`, {
    key: 'creditRequestNotFound',
    params: { id: String(id) },
  });

/** Pending credit requests a manager may decide: their region's (all for a national manager or an admin), oldest first. */
export async function listPendingCreditRequests(db: Db, actor: SessionUser) {
  assertMayDecide(actor);
  const requester = alias(users, 'requester');
  const region =
    actor.role === 'manager' && actor.regionCode !== null ? eq(customers.regionCode, actor.regionCode) : undefined;
  const { currency, reportTz } = await getSettings(db);
  const requests = await db
    .select({
      id: creditRequests.id,
      disputeRef: disputes.disputeRef,
      disputeStatus: disputes.status,
      disputedAmountCents: disputes.disputedAmountCents,
      creditedAmountCents: disputes.creditedAmountCents,
      accountNumber: customers.accountNumber,
      customerName: customers.name,
      regionCode: customers.regionCode,
      requestedBy: { email: requester.email, name: requester.name },
      amountCents: creditRequests.amountCents,
      reason: creditRequests.reason,
      requestedAt: creditRequests.requestedAt,
    })
    .from(creditRequests)
    .innerJoin(disputes, eq(disputes.id, creditRequests.disputeId))
    .innerJoin(customers, eq(customers.id, disputes.customerId))
    .innerJoin(requester, eq(requester.id, creditRequests.requestedById))
    .where(and(eq(creditRequests.status, 'pending'), region))
    .orderBy(asc(creditRequests.requestedAt), asc(creditRequests.id));
  return { requests, currency, timezone: reportTz };
}

export type DecideCreditResult =
  { status: 'approved'; compRef: string; version: number } | { status: 'rejected'; version: number };

/**
 * A manager's decision on a credit above a rep's limit. Approval creates the `dispute_credit`
 * compensation, issued by the approver, and adds it to the dispute's credited amount. A request is
 * decided once: the second decision, even a concurrent one, is refused.
 */
export async function decideCreditRequest(
  db: Db,
  actor: SessionUser,
  params: { id: number; approve: boolean; note: string | null },
): Promise<DecideCreditResult> {
  assertMayDecide(actor);
  return db.transaction(async (tx) => {
    const [request] = await tx
      .select({
        request: creditRequests,
        disputeRef: disputes.disputeRef,
        assignedToId: disputes.assignedToId,
        regionCode: customers.regionCode,
      })
      .from(creditRequests)
      .innerJoin(disputes, eq(disputes.id, creditRequests.disputeId))
      .innerJoin(customers, eq(customers.id, disputes.customerId))
      .where(eq(creditRequests.id, params.id));
    if (!request || !inScope(actor, request)) throw requestNotFound(params.id);

    const at = new Date();
    const status = params.approve ? 'approved' : 'rejected';
    // The status guard makes the decision once-only even when two managers click at the same time.
    const [decided] = await tx
      .update(creditRequests)
      .set({ status, decidedById: actor.id, decidedAt: at, decisionNote: params.note })
      .where(and(eq(creditRequests.id, params.id), eq(creditRequests.status, 'pending')))
      .returning({ id: creditRequests.id });
    if (!decided) {
      const was = request.request.status === 'pending' ? 'decided' : request.request.status;
      throw new ApiError('conflict', `Credit request #${params.id} was already ${was}.`, {
        key: 'creditRequestDecided',
        params: { id: String(params.id), was },
      });
    }
    await enqueueJob(tx, 'notify', { kind: 'credit_decided', creditRequestId: params.id });

    const dispute = await loadDisputeForActor(tx, actor, request.disputeRef, { write: true, lock: true });
    const { currency } = await getSettings(tx);
    const amount = request.request.amountCents;
    const money = (cents: number) => formatCents(cents, currency);
    const requestFacts = { creditRequestId: params.id, amountCents: amount };

    if (!params.approve) {
      const { version } = await commitDisputeChange(tx, actor, dispute, {
        expectedVersion: null,
        kind: 'credit_rejected',
        note: `Credit of ${money(amount)} rejected: ${params.note ?? ''}`.trim(),
        details: requestFacts,
        at,
      });
      return { status: 'rejected', version };
    }

    const left = dispute.disputedAmountCents - dispute.creditedAmountCents;
    if (amount > left) {
      throw new ApiError(
        'conflict',
        `Approving would credit more than was disputed: only ${money(Math.max(0, left))} is left to credit.`,
        { key: 'approveAboveDisputed', params: { leftCents: Math.max(0, left), currency } },
      );
    }
    const compRef = newRef('CP');
    const [compensation] = await tx
      .insert(compensations)
      .values({
        compRef,
        customerId: dispute.customerId,
        kind: 'dispute_credit',
        amountCents: amount,
        issuedAt: at,
        issuedById: actor.id,
        disputeId: dispute.id,
      })
      .returning({ id: compensations.id });
    if (!compensation) throw new Error('compensation insert returned no row');
    await tx.update(creditRequests).set({ compensationId: compensation.id }).where(eq(creditRequests.id, params.id));
    const { version } = await commitDisputeChange(tx, actor, dispute, {
      expectedVersion: null,
      set: { creditedAmountCents: sql`${disputes.creditedAmountCents} + ${amount}` },
      kind: 'credit_approved',
      changes: { creditedAmountCents: { from: dispute.creditedAmountCents, to: dispute.creditedAmountCents + amount } },
      note: params.note
        ? `Credit of ${money(amount)} approved: ${params.note}`
        : `Credit of ${money(amount)} approved.`,
      details: { ...requestFacts, compRef },
      at,
    });
    return { status: 'approved', compRef, version };
  });
}
