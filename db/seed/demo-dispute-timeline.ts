import type { DisputeCause } from '../../lib/vocabularies';
import { activeAt, type CustomerSeed } from './demo-customers';
import { FIRST_BILL_CAUSES, LATER_BILL_CAUSES, UNDUE_REASONS, disputedAmount } from './demo-dispute-causes';
import type { DisputeDraft, DisputeSeed } from './demo-disputes';
import { DEMO_REP_EMAIL, type UserSeed } from './demo-people';
import { ANCHOR, DAY, HOUR, MINUTE, MONTH, madridDate, seconds } from './demo-time';
import { rngFor } from './random';

export interface DisputeEventSeed {
  at: number;
  actor: string | null;
  kind: 'created' | 'status_changed' | 'resolved' | 'customer_notified';
  changes: Record<string, { from: unknown; to: unknown }>;
}

/** Every change the case went through, oldest first: what the case page's timeline shows. */
export function timelineOf(d: DisputeSeed): DisputeEventSeed[] {
  const actor = d.assignedTo;
  const events: DisputeEventSeed[] = [
    {
      at: d.openedAt,
      actor,
      kind: 'created',
      changes: { status: { from: null, to: 'open' }, assignedTo: { from: null, to: actor } },
    },
  ];
  if (d.investigatingAt !== null) {
    events.push({
      at: d.investigatingAt,
      actor,
      kind: 'status_changed',
      changes: { status: { from: 'open', to: 'investigating' } },
    });
  }
  if (d.awaitingAt !== null) {
    events.push({
      at: d.awaitingAt,
      actor,
      kind: 'status_changed',
      changes: {
        status: { from: 'investigating', to: 'awaiting_recalculation' },
        undueCharge: { from: null, to: true },
        recalculationRef: { from: null, to: d.recalculationRef },
      },
    });
  }
  if (d.resolvedAt !== null) {
    const changes: DisputeEventSeed['changes'] = {
      status: { from: d.awaitingAt !== null ? 'awaiting_recalculation' : 'investigating', to: d.status },
    };
    if (d.awaitingAt === null) changes.undueCharge = { from: null, to: d.undueCharge };
    if (d.creditedAmountCents > 0) changes.creditedAmountCents = { from: 0, to: d.creditedAmountCents };
    events.push({ at: d.resolvedAt, actor, kind: 'resolved', changes });
  }
  if (d.customerNotifiedAt !== null) {
    events.push({
      at: d.customerNotifiedAt,
      actor,
      kind: 'customer_notified',
      changes: {
        customerNotifiedAt: { from: null, to: new Date(d.customerNotifiedAt).toISOString() },
        customerNotifiedChannel: { from: null, to: d.customerNotifiedChannel },
      },
    });
  }
  return events;
}

/** Hours before "now" at which the demo rep's live cases were opened (SLA is 72 h). */
const LIVE_QUEUE_AGES = [
  // past the SLA
  76, 81, 90, 98, 117, 140,
  // due within the next 8 hours
  64.5, 66, 68, 70, 71.5,
  // comfortably inside the SLA
  1.5, 5, 9, 18, 26, 33, 41, 47, 55,
];

/**
 * The demo rep's queue must show live SLA states whenever the demo is opened, so these few
 * cases are placed relative to the real clock at seed time — the one deliberate exception to
 * anchoring everything on ANCHOR. Only their instants vary between runs; which customers,
 * causes and amounts they have does not.
 */
export function liveQueueDrafts(
  customers: readonly CustomerSeed[],
  users: readonly UserSeed[],
  now: number,
): DisputeDraft[] {
  const rng = rngFor('live-queue');
  const rep = users.find((u) => u.email === DEMO_REP_EMAIL);
  if (!rep) throw new Error(`${DEMO_REP_EMAIL} is missing from the demo users`);
  const madrid = customers.map((c, i) => ({ c, i })).filter(({ c }) => c.regionCode === 'MAD' && activeAt(c, ANCHOR));
  const newcomers = madrid.filter(({ c }) => c.activatedAt > ANCHOR - 75 * DAY && c.activatedAt < ANCHOR - 25 * DAY);
  const established = madrid.filter(({ c }) => c.activatedAt < ANCHOR - 3 * MONTH);
  return LIVE_QUEUE_AGES.map((ageHours, n) => {
    const firstBill = n % 4 === 0;
    const picked = rng.pick(firstBill ? newcomers : established);
    const cause: DisputeCause = rng.weighted(firstBill ? FIRST_BILL_CAUSES : LATER_BILL_CAUSES);
    const openedAt = seconds(now - ageHours * HOUR - rng.int(0, 20) * MINUTE);
    return {
      customer: picked.i,
      openedAt,
      cause,
      billNumber: firstBill ? 1 : Math.max(2, Math.floor((openedAt - picked.c.activatedAt) / MONTH) + 1),
      disputedAmountCents: disputedAmount(rng, cause, picked.c.monthlyFeeCents, picked.c.promoMonthlyDiscountCents),
      assignee: rep,
    };
  });
}

/** A live case is never resolved yet: it is fresh, under investigation or waiting for its recalculation. */
export function progressLive(d: DisputeDraft, now: number): DisputeSeed {
  const ageHours = (now - d.openedAt) / HOUR;
  const investigating = ageHours > 6;
  const awaiting = ageHours > 40 && d.customer % 2 === 0;
  return {
    disputeRef: '',
    customer: d.customer,
    openedAt: d.openedAt,
    cause: d.cause,
    disputedAmountCents: d.disputedAmountCents,
    status: awaiting ? 'awaiting_recalculation' : investigating ? 'investigating' : 'open',
    assignedTo: d.assignee?.email ?? null,
    billNumber: d.billNumber,
    undueCharge: awaiting ? true : null,
    undueReason: awaiting ? UNDUE_REASONS[d.cause] : null,
    recalculationRef: null,
    expectedResolutionOn: awaiting ? madridDate(now + 3 * DAY) : null,
    customerNotifiedAt: null,
    customerNotifiedChannel: null,
    resolvedAt: null,
    creditedAmountCents: 0,
    investigatingAt: investigating ? seconds(d.openedAt + 2 * HOUR) : null,
    awaitingAt: awaiting ? seconds(d.openedAt + 30 * HOUR) : null,
  };
}
