import 'server-only';
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { compensations, creditRequests } from '@/db/schema';
import type { SessionUser } from '../../auth/session-user';
import type { Settings } from '../settings';
import { repCreditLimits, type CreditLimitSettings } from './credit-limits';

export interface CreditAllowance {
  /** Disputed minus credited minus what already waits for approval: the most that can still be credited. */
  remainingCents: number;
  pendingCents: number;
  /** Null when the actor is not limited (managers and admins). */
  perCaseLeftCents: number | null;
  perMonthLeftCents: number | null;
  /** The most the actor can credit right now without a manager's approval. */
  withoutApprovalCents: number;
}

const sumCents = (column: typeof compensations.amountCents | typeof creditRequests.amountCents) =>
  sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);

/** The first instant of the calendar month of `at` in the report time zone. */
export function monthStart(at: Date, tz: string) {
  return sql`date_trunc('month', ${at.toISOString()}::timestamptz at time zone ${tz}) at time zone ${tz}`;
}

/**
 * What `actor` may still credit on a dispute. Reps are limited per case (the dispute credits
 * already issued on it) and per calendar month in REPORT_TZ (the dispute credits they issued), by
 * their own override, else their team's, else the default (credit-limits.ts).
 */
export async function creditAllowance(
  db: Db,
  actor: SessionUser,
  dispute: { id: number; disputedAmountCents: number; creditedAmountCents: number },
  settings: Pick<Settings, 'reportTz'> & CreditLimitSettings,
  now: Date,
): Promise<CreditAllowance> {
  const [pending] = await db
    .select({ cents: sumCents(creditRequests.amountCents) })
    .from(creditRequests)
    .where(and(eq(creditRequests.disputeId, dispute.id), eq(creditRequests.status, 'pending')));
  const pendingCents = pending?.cents ?? 0;
  const remainingCents = Math.max(0, dispute.disputedAmountCents - dispute.creditedAmountCents - pendingCents);
  if (actor.role !== 'rep') {
    return {
      remainingCents,
      pendingCents,
      perCaseLeftCents: null,
      perMonthLeftCents: null,
      withoutApprovalCents: remainingCents,
    };
  }
  const [onCase] = await db
    .select({ cents: sumCents(compensations.amountCents) })
    .from(compensations)
    .where(and(eq(compensations.disputeId, dispute.id), eq(compensations.kind, 'dispute_credit')));
  const [thisMonth] = await db
    .select({ cents: sumCents(compensations.amountCents) })
    .from(compensations)
    .where(
      and(
        eq(compensations.issuedById, actor.id),
        eq(compensations.kind, 'dispute_credit'),
        gte(compensations.issuedAt, monthStart(now, settings.reportTz)),
      ),
    );
  const limits = await repCreditLimits(db, actor.id, settings);
  const perCaseLeftCents = Math.max(0, limits.perCaseCents - (onCase?.cents ?? 0));
  const perMonthLeftCents = Math.max(0, limits.perMonthCents - (thisMonth?.cents ?? 0));
  return {
    remainingCents,
    pendingCents,
    perCaseLeftCents,
    perMonthLeftCents,
    withoutApprovalCents: Math.min(remainingCents, perCaseLeftCents, perMonthLeftCents),
  };
}
