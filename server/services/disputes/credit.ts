import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { compensations, creditRequests, disputes, users } from '@/db/schema';
import { isClosedStatus } from '@/lib/dispute-status';
import { formatCents } from '@/lib/format';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';
import { enqueueJob } from '../../jobs/enqueue';
import { newRef } from '../refs';
import { getSettings } from '../settings';
import { loadDisputeForChange } from './access';
import { commitDisputeChange } from './change';
import { creditAllowance } from './credit-allowance';

export type IssueCreditResult =
  | { outcome: 'issued'; compRef: string; amountCents: number; version: number }
  | { outcome: 'pending'; requestId: number; amountCents: number; version: number; limit: 'case' | 'month' };

/**
 * Credits the customer for an undue charge. Within the rep's limits (per case and per calendar
 * month) it becomes a `dispute_credit` compensation at once; above either it waits for a manager
 * as a pending credit request, which reserves the amount. Managers and admins are not limited.
 */
export async function issueCredit(
  db: Db,
  actor: SessionUser,
  params: { ref: string; version: number; amountCents: number; reason: string },
): Promise<IssueCreditResult> {
  return db.transaction(async (tx) => {
    const dispute = await loadDisputeForChange(tx, actor, params);
    if (isClosedStatus(dispute.status)) {
      throw new ApiError('bad_request', `The dispute is ${dispute.status}; reopen it before crediting the customer.`, {
        key: 'reopenBeforeCredit',
        params: { status: dispute.status },
      });
    }
    if (dispute.undueCharge !== true) {
      throw new ApiError('bad_request', 'Record that the charge was undue before crediting the customer.', {
        key: 'creditNeedsUndue',
      });
    }
    // One rep's credits on different disputes must not race past the monthly limit together.
    if (actor.role === 'rep') await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.id)).for('update');

    const settings = await getSettings(tx);
    const money = (cents: number) => formatCents(cents, settings.currency);
    const at = new Date();
    const allowance = await creditAllowance(tx, actor, dispute, settings, at);
    if (params.amountCents > allowance.remainingCents) {
      const pending = allowance.pendingCents > 0 ? `, ${money(allowance.pendingCents)} awaiting approval` : '';
      throw new ApiError(
        'bad_request',
        `At most ${money(allowance.remainingCents)} can still be credited on this dispute ` +
          `(disputed ${money(dispute.disputedAmountCents)}, credited ${money(dispute.creditedAmountCents)}${pending}).`,
        {
          key: allowance.pendingCents > 0 ? 'creditAtMostPending' : 'creditAtMost',
          params: {
            remainingCents: allowance.remainingCents,
            disputedCents: dispute.disputedAmountCents,
            creditedCents: dispute.creditedAmountCents,
            pendingCents: allowance.pendingCents,
            currency: settings.currency,
          },
        },
      );
    }

    const overCase = allowance.perCaseLeftCents !== null && params.amountCents > allowance.perCaseLeftCents;
    const overMonth = allowance.perMonthLeftCents !== null && params.amountCents > allowance.perMonthLeftCents;
    if (overCase || overMonth) {
      const limit = overCase ? 'case' : 'month';
      const { version } = await commitDisputeChange(tx, actor, dispute, {
        expectedVersion: params.version,
        kind: 'credit_requested',
        changes: {
          pendingCreditCents: { from: allowance.pendingCents, to: allowance.pendingCents + params.amountCents },
        },
        note: `Credit of ${money(params.amountCents)} awaiting approval (above the rep's limit per ${limit}): ${params.reason}`,
        details: { amountCents: params.amountCents, limit },
        at,
      });
      const [request] = await tx
        .insert(creditRequests)
        .values({
          disputeId: dispute.id,
          requestedById: actor.id,
          amountCents: params.amountCents,
          reason: params.reason,
          requestedAt: at,
        })
        .returning({ id: creditRequests.id });
      if (!request) throw new Error('credit request insert returned no row');
      await enqueueJob(tx, 'notify', { kind: 'credit_pending', creditRequestId: request.id });
      return { outcome: 'pending', requestId: request.id, amountCents: params.amountCents, version, limit };
    }

    const compRef = newRef('CP');
    const credited = dispute.creditedAmountCents + params.amountCents;
    const { version } = await commitDisputeChange(tx, actor, dispute, {
      expectedVersion: params.version,
      set: { creditedAmountCents: sql`${disputes.creditedAmountCents} + ${params.amountCents}` },
      kind: 'credit_issued',
      changes: { creditedAmountCents: { from: dispute.creditedAmountCents, to: credited } },
      note: params.reason,
      details: { compRef, amountCents: params.amountCents },
      at,
    });
    await tx.insert(compensations).values({
      compRef,
      customerId: dispute.customerId,
      kind: 'dispute_credit',
      amountCents: params.amountCents,
      issuedAt: at,
      issuedById: actor.id,
      disputeId: dispute.id,
    });
    return { outcome: 'issued', compRef, amountCents: params.amountCents, version };
  });
}
