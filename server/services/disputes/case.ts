import 'server-only';
import { and, desc, eq, ne, notInArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import {
  compensations,
  creditRequests,
  customers,
  disputeEvents,
  disputes,
  regions,
  retentionCases,
  users,
} from '@/db/schema';
import { allowedTransitions, transitionProblem, transitionProblemCode } from '@/lib/dispute-status';
import { CLOSED_DISPUTE_STATUSES } from '@/lib/vocabularies';
import type { SessionUser } from '../../auth/session-user';
import { getSettings } from '../settings';
import { loadDisputeForActor, type ScopedDispute } from './access';
import { creditAllowance } from './credit-allowance';
import { effectiveCreditLimits, repCreditLimits } from './credit-limits';

/** Whole calendar months from `from` to `to` (a customer's tenure). */
export function monthsBetween(from: Date, to: Date): number {
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  const partial = to.getUTCDate() < from.getUTCDate() ? 1 : 0;
  return Math.max(0, months - partial);
}

async function customerPanel(db: Db, customerId: number, now: Date) {
  const seller = alias(users, 'seller');
  const [row] = await db
    .select({
      accountNumber: customers.accountNumber,
      name: customers.name,
      regionCode: customers.regionCode,
      regionName: regions.name,
      plan: customers.plan,
      postcode: customers.postcode,
      activatedAt: customers.activatedAt,
      churnedAt: customers.churnedAt,
      monthlyFeeCents: customers.monthlyFeeCents,
      promoEndsAt: customers.promoEndsAt,
      promoMonthlyDiscountCents: customers.promoMonthlyDiscountCents,
      soldByName: seller.name,
      soldByEmail: seller.email,
    })
    .from(customers)
    .innerJoin(regions, eq(regions.code, customers.regionCode))
    .leftJoin(seller, eq(seller.id, customers.soldById))
    .where(eq(customers.id, customerId));
  if (!row) throw new Error(`customer ${customerId} is missing`);
  const { soldByName, soldByEmail, ...customer } = row;
  return {
    ...customer,
    tenureMonths: monthsBetween(customer.activatedAt, customer.churnedAt ?? now),
    soldBy: soldByEmail === null ? null : { name: soldByName ?? soldByEmail, email: soldByEmail },
  };
}

/** The customer's other live cases: what a rep should know before calling them. */
async function otherOpenCases(db: Db, actor: SessionUser, dispute: ScopedDispute) {
  const assignee = alias(users, 'assignee');
  const otherDisputes = await db
    .select({
      ref: disputes.disputeRef,
      status: disputes.status,
      cause: disputes.cause,
      openedAt: disputes.openedAt,
      disputedAmountCents: disputes.disputedAmountCents,
      assignedToId: disputes.assignedToId,
      assigneeName: assignee.name,
    })
    .from(disputes)
    .leftJoin(assignee, eq(assignee.id, disputes.assignedToId))
    .where(
      and(
        eq(disputes.customerId, dispute.customerId),
        ne(disputes.id, dispute.id),
        notInArray(disputes.status, [...CLOSED_DISPUTE_STATUSES]),
      ),
    )
    .orderBy(desc(disputes.openedAt));
  const retention = await db
    .select({
      caseRef: retentionCases.caseRef,
      reason: retentionCases.reason,
      openedAt: retentionCases.openedAt,
      repName: users.name,
      escalatedFromRef: disputes.disputeRef,
    })
    .from(retentionCases)
    .innerJoin(users, eq(users.id, retentionCases.repId))
    .leftJoin(disputes, eq(disputes.id, retentionCases.escalatedFromDisputeId))
    .where(and(eq(retentionCases.customerId, dispute.customerId), eq(retentionCases.outcome, 'pending')))
    .orderBy(desc(retentionCases.openedAt));
  return {
    // A rep may see that another dispute exists for their customer, but opens only their own.
    disputes: otherDisputes.map(({ assignedToId, ...d }) => ({
      ...d,
      canOpen: actor.role !== 'rep' || assignedToId === actor.id,
    })),
    retention,
  };
}

async function credits(db: Db, disputeId: number) {
  const requester = alias(users, 'requester');
  const decider = alias(users, 'decider');
  const requests = await db
    .select({
      id: creditRequests.id,
      amountCents: creditRequests.amountCents,
      reason: creditRequests.reason,
      status: creditRequests.status,
      requestedAt: creditRequests.requestedAt,
      requestedBy: requester.name,
      decidedBy: decider.name,
      decidedAt: creditRequests.decidedAt,
      decisionNote: creditRequests.decisionNote,
    })
    .from(creditRequests)
    .innerJoin(requester, eq(requester.id, creditRequests.requestedById))
    .leftJoin(decider, eq(decider.id, creditRequests.decidedById))
    .where(eq(creditRequests.disputeId, disputeId))
    .orderBy(desc(creditRequests.requestedAt), desc(creditRequests.id));
  const issued = await db
    .select({
      compRef: compensations.compRef,
      kind: compensations.kind,
      amountCents: compensations.amountCents,
      issuedAt: compensations.issuedAt,
      issuedBy: users.name,
    })
    .from(compensations)
    .leftJoin(users, eq(users.id, compensations.issuedById))
    .where(eq(compensations.disputeId, disputeId))
    .orderBy(desc(compensations.issuedAt), desc(compensations.id));
  return { requests, compensations: issued };
}

async function timeline(db: Db, disputeId: number) {
  return db
    .select({
      id: disputeEvents.id,
      at: disputeEvents.at,
      kind: disputeEvents.kind,
      changes: disputeEvents.changes,
      note: disputeEvents.note,
      actorName: users.name,
    })
    .from(disputeEvents)
    .leftJoin(users, eq(users.id, disputeEvents.actorId))
    .where(eq(disputeEvents.disputeId, disputeId))
    .orderBy(desc(disputeEvents.at), desc(disputeEvents.id));
}

/** Everything the case page shows, as `actor` may see it, with what `actor` may do next. */
export async function getDisputeCase(db: Db, actor: SessionUser, params: { ref: string }) {
  const dispute = await loadDisputeForActor(db, actor, params.ref);
  const settings = await getSettings(db);
  const now = new Date();
  const [assignee] =
    dispute.assignedToId === null
      ? []
      : await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, dispute.assignedToId));
  const canChange = actor.role !== 'analyst';
  // A rep sees their own limits (override, team or default); others see the default for reps.
  const repLimits =
    actor.role === 'rep'
      ? await repCreditLimits(db, actor.id, settings)
      : effectiveCreditLimits(settings, { userId: 0, team: null });
  return {
    dispute: {
      ref: dispute.disputeRef,
      status: dispute.status,
      cause: dispute.cause,
      openedAt: dispute.openedAt,
      slaDueAt: new Date(dispute.openedAt.getTime() + settings.disputeSlaHours * 3_600_000),
      disputedAmountCents: dispute.disputedAmountCents,
      creditedAmountCents: dispute.creditedAmountCents,
      billNumber: dispute.billNumber,
      undueCharge: dispute.undueCharge,
      undueReason: dispute.undueReason,
      recalculationRef: dispute.recalculationRef,
      expectedResolutionOn: dispute.expectedResolutionOn,
      customerNotifiedAt: dispute.customerNotifiedAt,
      customerNotifiedChannel: dispute.customerNotifiedChannel,
      resolvedAt: dispute.resolvedAt,
      updatedAt: dispute.updatedAt,
      assignee: assignee ?? null,
    },
    version: dispute.version,
    customer: await customerPanel(db, dispute.customerId, now),
    otherOpenCases: await otherOpenCases(db, actor, dispute),
    escalations: await db
      .select({ caseRef: retentionCases.caseRef, outcome: retentionCases.outcome, openedAt: retentionCases.openedAt })
      .from(retentionCases)
      .where(eq(retentionCases.escalatedFromDisputeId, dispute.id))
      .orderBy(desc(retentionCases.openedAt)),
    credits: await credits(db, dispute.id),
    timeline: await timeline(db, dispute.id),
    transitions: allowedTransitions(dispute.status, actor.role).map((to) => ({
      to,
      problem: transitionProblem(dispute, to, actor.role),
      problemCode: transitionProblemCode(dispute, to, actor.role),
    })),
    creditAllowance: canChange ? await creditAllowance(db, actor, dispute, settings, now) : null,
    permissions: {
      canChange,
      canDecideCredits: actor.role === 'manager' || actor.role === 'admin',
    },
    settings: {
      currency: settings.currency,
      timezone: settings.reportTz,
      slaHours: settings.disputeSlaHours,
      repCreditLimitPerCaseCents: repLimits.perCaseCents,
      repCreditLimitPerMonthCents: repLimits.perMonthCents,
    },
  };
}

export type DisputeCase = Awaited<ReturnType<typeof getDisputeCase>>;
