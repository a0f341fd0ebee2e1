import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { compensations, customers } from '@/db/schema';
import { offerCompensation } from '@/lib/schemas/retention-calls';
import type { ChurnCategory, CompensationKind, OfferType, RetentionOutcome } from '@/lib/vocabularies';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';
import { newRef } from '../refs';

export type BookedCompensation = { compRef: string; kind: CompensationKind; amountCents: number };

export const day = (value: Date) => value.toISOString().slice(0, 10);

/** The customer row, locked until the transaction ends: two calls cannot churn it twice. */
export async function lockCustomer(db: Db, id: number) {
  const [row] = await db
    .select({
      id: customers.id,
      accountNumber: customers.accountNumber,
      regionCode: customers.regionCode,
      monthlyFeeCents: customers.monthlyFeeCents,
      activatedAt: customers.activatedAt,
      churnedAt: customers.churnedAt,
    })
    .from(customers)
    .where(eq(customers.id, id))
    .for('update');
  return row ?? null;
}

export type Customer = NonNullable<Awaited<ReturnType<typeof lockCustomer>>>;

export function refuseChurned(customer: Customer): void {
  if (customer.churnedAt) {
    throw new ApiError(
      'conflict',
      `Customer ${customer.accountNumber} already churned on ${day(customer.churnedAt)}; a returning customer comes back as a new account.`,
    );
  }
}

interface Outcome {
  caseId: number;
  customer: Customer;
  reason: ChurnCategory;
  outcome: RetentionOutcome;
  closedAt: Date | null;
  offerType: OfferType;
  offerMonthlyDiscountCents: number;
  offerMonths: number;
  oneOffAmountCents: number | null;
  competitor: string | null;
}

/**
 * What a closed call changes besides the case. A SAVED case books its offer as a compensation
 * linked to the case, issued by the actor at the closed time — discount / promotion →
 * `retention_offer` of monthly discount × months; fee waiver → `fee_waiver` and loyalty credit →
 * `loyalty_credit`, of the one-off amount; upgrade and none → nothing (OFFER_COMPENSATION).
 * A CHURNED case marks the customer churned at the closed time, with the reason as category.
 */
export async function applyOutcome(db: Db, actor: SessionUser, o: Outcome) {
  let compensation: BookedCompensation | null = null;
  let customerChurned = false;
  if (o.outcome === 'saved' && o.closedAt) {
    const booked = offerCompensation(o);
    if (booked) {
      const compRef = newRef('CP');
      await db.insert(compensations).values({
        compRef,
        customerId: o.customer.id,
        kind: booked.kind,
        amountCents: booked.amountCents,
        issuedAt: o.closedAt,
        issuedById: actor.id,
        retentionCaseId: o.caseId,
      });
      compensation = { compRef, ...booked };
    }
  }
  if (o.outcome === 'churned' && o.closedAt) {
    if (o.closedAt < o.customer.activatedAt) {
      throw new ApiError(
        'bad_request',
        `The closed time is before the customer was activated (${day(o.customer.activatedAt)}).`,
      );
    }
    const marked = await db
      .update(customers)
      .set({
        churnedAt: o.closedAt,
        churnCategory: o.reason,
        ...(o.reason === 'competitor' ? { competitor: o.competitor } : {}),
      })
      .where(and(eq(customers.id, o.customer.id), isNull(customers.churnedAt)))
      .returning({ id: customers.id });
    if (marked.length === 0) refuseChurned({ ...o.customer, churnedAt: o.closedAt });
    customerChurned = true;
  }
  return { compensation, customerChurned };
}
