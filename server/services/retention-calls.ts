import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { customers, retentionCases, users } from '@/db/schema';
import {
  closeRetentionCaseInput,
  MONEY_OFFERS,
  openRetentionCaseInput,
  type CloseRetentionCaseInput,
  type OpenRetentionCaseInput,
} from '@/lib/schemas/retention-calls';
import type { OfferType, RetentionOutcome } from '@/lib/vocabularies';
import type { SessionUser } from '../auth/session-user';
import { ApiError } from '../http/api-error';
import { recordAudit } from './audit';
import { newRef } from './refs';
import { applyOutcome, day, lockCustomer, refuseChurned, type BookedCompensation } from './retention-calls/outcome';
import { assertMayLogCalls, callScope, inScope, mayHandleCase } from './retention-calls/scope';

export interface RetentionCallResult {
  id: number;
  caseRef: string;
  outcome: RetentionOutcome;
  /** What the save cost, booked as a compensation linked to the case. */
  compensation: BookedCompensation | null;
  /** The call was lost: the customer is now churned. */
  customerChurned: boolean;
}

/** Services validate too, so a caller that skips the router gets the same rules and messages. */
function parse<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  const result = schema.safeParse(params);
  if (!result.success) throw new ApiError('bad_request', result.error.issues[0]?.message ?? 'Invalid input.');
  return result.data;
}

const repColumns = {
  id: users.id,
  name: users.name,
  role: users.role,
  regionCode: users.regionCode,
  team: users.team,
  active: users.active,
};

async function findUser(db: Db, id: number) {
  const [row] = await db.select(repColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}

type Rep = NonNullable<Awaited<ReturnType<typeof findUser>>>;

/** A rep logs their own calls; a manager or admin names the rep who took it (a manager: one of their region). */
async function chooseRep(db: Db, actor: SessionUser, repId: number | null): Promise<Rep> {
  if (actor.role === 'rep') {
    if (repId !== null && repId !== actor.id) throw new ApiError('forbidden', 'A rep logs their own calls only.');
    const self = await findUser(db, actor.id);
    if (!self) throw new ApiError('unauthorized', 'Your account no longer exists.');
    return self;
  }
  if (repId === null) throw new ApiError('bad_request', 'Choose the rep who took the call.');
  const rep = await findUser(db, repId);
  const scope = callScope(actor);
  if (
    !rep ||
    rep.role !== 'rep' ||
    !rep.active ||
    !(rep.regionCode ? inScope(scope, rep.regionCode) : scope === 'all')
  ) {
    throw new ApiError('bad_request', 'Choose an active rep of your region.');
  }
  return rep;
}

/** Retention desks are the only team allowed to give discounts, promotions, fee waivers and loyalty credits. */
function assertRepMayOffer(rep: Rep, offerType: OfferType): void {
  if (rep.team !== null && rep.team !== 'retention' && MONEY_OFFERS.includes(offerType)) {
    throw new ApiError(
      'forbidden',
      `Only the retention desk gives discounts, promotions, fee waivers or loyalty credits; ${rep.name} is on the ${rep.team} team.`,
    );
  }
}

function assertDiscountWithinMrr(discountCents: number, mrrCents: number): void {
  if (discountCents > mrrCents)
    throw new ApiError('bad_request', 'The monthly discount cannot exceed the MRR at risk.');
}

/** Logs a retention call as a new case, with what its outcome books, in one transaction. */
export async function openRetentionCase(
  db: Db,
  actor: SessionUser,
  params: OpenRetentionCaseInput,
): Promise<RetentionCallResult> {
  assertMayLogCalls(actor);
  const input = parse(openRetentionCaseInput, params);
  const scope = callScope(actor);
  return db.transaction(async (tx) => {
    const customer = await lockCustomer(tx, input.customerId);
    if (!customer || !inScope(scope, customer.regionCode)) {
      throw new ApiError('not_found', 'No such customer among those you handle.');
    }
    // A churned customer can be neither saved nor lost again.
    refuseChurned(customer);
    const rep = await chooseRep(tx, actor, input.repId);
    assertRepMayOffer(rep, input.offerType);
    const mrrAtRiskCents = input.mrrAtRiskCents ?? customer.monthlyFeeCents;
    assertDiscountWithinMrr(input.offerMonthlyDiscountCents, mrrAtRiskCents);
    if (input.closedAt && input.closedAt < customer.activatedAt) {
      throw new ApiError(
        'bad_request',
        `The closed time is before the customer was activated (${day(customer.activatedAt)}).`,
      );
    }

    // A call logged as closed took place at its closed time; a pending one opens now.
    const openedAt = input.closedAt ?? new Date();
    const caseRef = newRef('RC');
    const [created] = await tx
      .insert(retentionCases)
      .values({
        caseRef,
        customerId: customer.id,
        repId: rep.id,
        openedAt,
        reason: input.reason,
        offerType: input.offerType,
        outcome: input.outcome,
        mrrAtRiskCents,
        closedAt: input.closedAt,
        offerMonthlyDiscountCents: input.offerMonthlyDiscountCents,
        offerMonths: input.offerMonths,
        notes: input.notes,
      })
      .returning({ id: retentionCases.id });
    if (!created) throw new Error('insert returned no row');

    const effects = await applyOutcome(tx, actor, { ...input, caseId: created.id, customer });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'retention_case.open',
      entity: 'retention_case',
      entityId: caseRef,
      details: {
        customer: customer.accountNumber,
        repId: rep.id,
        reason: input.reason,
        outcome: input.outcome,
        offerType: input.offerType,
        offerMonthlyDiscountCents: input.offerMonthlyDiscountCents,
        offerMonths: input.offerMonths,
        mrrAtRiskCents,
        closedAt: input.closedAt?.toISOString() ?? null,
        compensation: effects.compensation,
        customerChurned: effects.customerChurned,
      },
    });
    return { id: created.id, caseRef, outcome: input.outcome, ...effects };
  });
}

/** Closes a pending case as saved or churned, with the same outcome rules as logging a closed call. */
export async function closeRetentionCase(
  db: Db,
  actor: SessionUser,
  params: CloseRetentionCaseInput,
): Promise<RetentionCallResult> {
  assertMayLogCalls(actor);
  const input = parse(closeRetentionCaseInput, params);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ found: retentionCases, customerRegion: customers.regionCode })
      .from(retentionCases)
      .innerJoin(customers, eq(customers.id, retentionCases.customerId))
      .where(eq(retentionCases.id, input.caseId))
      .for('update', { of: retentionCases });
    // Out of scope answers like a missing case, so nobody learns which case ids exist elsewhere.
    if (!row || !mayHandleCase(actor, { repId: row.found.repId, customerRegion: row.customerRegion })) {
      throw new ApiError('not_found', 'No such retention case among those you handle.');
    }
    const { found } = row;
    const rep = await findUser(tx, found.repId);
    if (!rep) throw new Error(`case ${found.caseRef} has no rep`);
    if (found.outcome !== 'pending') {
      throw new ApiError('conflict', `Case ${found.caseRef} is already closed (${found.outcome}).`);
    }
    if (input.closedAt < found.openedAt) {
      throw new ApiError(
        'bad_request',
        `The closed time is before the case was opened (${found.openedAt.toISOString()}).`,
      );
    }
    if (input.competitor !== null && found.reason !== 'competitor') {
      throw new ApiError('bad_request', 'A competitor is recorded only when the reason is "competitor".');
    }
    const customer = await lockCustomer(tx, found.customerId);
    if (!customer) throw new Error(`case ${found.caseRef} has no customer`);
    refuseChurned(customer);
    assertRepMayOffer(rep, input.offerType);
    assertDiscountWithinMrr(input.offerMonthlyDiscountCents, found.mrrAtRiskCents);

    const notes = input.notes && found.notes ? `${found.notes}\n${input.notes}` : (input.notes ?? found.notes);
    await tx
      .update(retentionCases)
      .set({
        outcome: input.outcome,
        closedAt: input.closedAt,
        offerType: input.offerType,
        offerMonthlyDiscountCents: input.offerMonthlyDiscountCents,
        offerMonths: input.offerMonths,
        notes,
      })
      .where(and(eq(retentionCases.id, found.id), eq(retentionCases.outcome, 'pending')));

    const effects = await applyOutcome(tx, actor, { ...input, caseId: found.id, reason: found.reason, customer });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'retention_case.close',
      entity: 'retention_case',
      entityId: found.caseRef,
      details: {
        customer: customer.accountNumber,
        repId: found.repId,
        outcome: input.outcome,
        offerType: input.offerType,
        offerMonthlyDiscountCents: input.offerMonthlyDiscountCents,
        offerMonths: input.offerMonths,
        closedAt: input.closedAt.toISOString(),
        compensation: effects.compensation,
        customerChurned: effects.customerChurned,
      },
    });
    return { id: found.id, caseRef: found.caseRef, outcome: input.outcome, ...effects };
  });
}
