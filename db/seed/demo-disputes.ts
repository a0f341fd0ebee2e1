import type { DisputeCause, DisputeStatus, NotificationChannel } from '../../lib/vocabularies';
import { activeAt, type CustomerSeed } from './demo-customers';
import {
  CHANNELS,
  FIRST_BILL_CAUSES,
  LATER_BILL_CAUSES,
  UNDUE_RATE,
  UNDUE_REASONS,
  disputedAmount,
} from './demo-dispute-causes';
import { repsAt, type UserSeed } from './demo-people';
import { ANCHOR, DAY, HOUR, MONTH, WINDOW_START, madridDate, seconds } from './demo-time';
import { rngFor, type Rng } from './random';

export interface DisputeSeed {
  /** Set once every dispute is generated and sorted by opening time. */
  disputeRef: string;
  customer: number;
  openedAt: number;
  cause: DisputeCause;
  disputedAmountCents: number;
  status: DisputeStatus;
  assignedTo: string | null;
  billNumber: number;
  undueCharge: boolean | null;
  undueReason: string | null;
  recalculationRef: string | null;
  expectedResolutionOn: string | null;
  customerNotifiedAt: number | null;
  customerNotifiedChannel: NotificationChannel | null;
  resolvedAt: number | null;
  creditedAmountCents: number;
  /** When the case moved to investigating / awaiting_recalculation, for its timeline. */
  investigatingAt: number | null;
  awaitingAt: number | null;
}

export interface DisputeDraft {
  customer: number;
  openedAt: number;
  cause: DisputeCause;
  billNumber: number;
  disputedAmountCents: number;
  assignee: UserSeed | null;
}

/** Share of disputes raised on a first bill, as the field documents describe. */
const FIRST_BILL_SHARE = 0.35;

function assigneeFor(
  rng: Rng,
  users: readonly UserSeed[],
  c: CustomerSeed,
  at: number,
  preferSeller: boolean,
): UserSeed | null {
  // The rep who sold the contract owns the follow-up of its first bill.
  const seller = preferSeller
    ? users.find((u) => u.email === c.soldBy && (u.leftAt === null || u.leftAt > at))
    : undefined;
  if (seller && rng.chance(0.7)) return seller;
  const reps = repsAt(users, 'billing', c.regionCode, at);
  return reps.length > 0 ? rng.pick(reps) : null;
}

function laterBillCause(rng: Rng, c: CustomerSeed, at: number): DisputeCause {
  if (c.promoEndsAt !== null && at > c.promoEndsAt && at - c.promoEndsAt < 60 * DAY && rng.chance(0.6))
    return 'promo_expired';
  const month = new Date(at).getUTCMonth();
  if ((month === 6 || month === 7) && rng.chance(0.15)) return 'roaming';
  return rng.weighted(LATER_BILL_CAUSES);
}

export function buildDisputeDrafts(customers: readonly CustomerSeed[], users: readonly UserSeed[]): DisputeDraft[] {
  const rng = rngFor('disputes');
  const drafts: DisputeDraft[] = [];
  customers.forEach((c, i) => {
    if (c.firstBillDisputeAt === null) return;
    const cause = rng.weighted(FIRST_BILL_CAUSES);
    drafts.push({
      customer: i,
      openedAt: c.firstBillDisputeAt,
      cause,
      billNumber: 1,
      disputedAmountCents: disputedAmount(rng, cause, c.monthlyFeeCents, c.promoMonthlyDiscountCents),
      assignee: assigneeFor(rng, users, c, c.firstBillDisputeAt, true),
    });
  });
  const laterCount = Math.round((drafts.length * (1 - FIRST_BILL_SHARE)) / FIRST_BILL_SHARE);
  let made = 0;
  while (made < laterCount) {
    const at = seconds(WINDOW_START + rng.next() * (ANCHOR - HOUR - WINDOW_START));
    const index = rng.int(0, customers.length - 1);
    const c = customers[index];
    if (!c || !activeAt(c, at) || at < c.activatedAt + 2 * MONTH) continue;
    const cause = laterBillCause(rng, c, at);
    drafts.push({
      customer: index,
      openedAt: at,
      cause,
      billNumber: Math.floor((at - c.activatedAt) / MONTH) + 1,
      disputedAmountCents: disputedAmount(rng, cause, c.monthlyFeeCents, c.promoMonthlyDiscountCents),
      assignee: assigneeFor(rng, users, c, at, false),
    });
    made++;
  }
  return drafts.sort((a, b) => a.openedAt - b.openedAt || a.customer - b.customer);
}

/**
 * Plays one dispute forward until `clock`: when it is investigated, found undue or not,
 * resolved and the customer told. What has not happened by `clock` is still open.
 */
export function progressDispute(rng: Rng, d: DisputeDraft, clock: number): DisputeSeed {
  const rep = d.assignee;
  const stuck = rng.chance(0.04);
  const hours = stuck ? rng.between(250, 900) : Math.min(700, Math.max(2, rng.logNormal(50, 0.72) * (rep?.speed ?? 1)));
  const plannedResolution = seconds(d.openedAt + hours * HOUR);
  const undue = rep?.generous ? rng.chance(0.95) : rng.chance(UNDUE_RATE[d.cause]);
  const investigatingAt = seconds(d.openedAt + hours * rng.between(0.05, 0.3) * HOUR);
  const awaitingAt = undue ? seconds(d.openedAt + hours * rng.between(0.4, 0.8) * HOUR) : null;
  const seed: DisputeSeed = {
    disputeRef: '',
    customer: d.customer,
    openedAt: d.openedAt,
    cause: d.cause,
    disputedAmountCents: d.disputedAmountCents,
    status: 'open',
    assignedTo: rep?.email ?? null,
    billNumber: d.billNumber,
    undueCharge: null,
    undueReason: null,
    recalculationRef: null,
    expectedResolutionOn: null,
    customerNotifiedAt: null,
    customerNotifiedChannel: null,
    resolvedAt: null,
    creditedAmountCents: 0,
    investigatingAt: null,
    awaitingAt: null,
  };
  if (plannedResolution <= clock && rep !== null) {
    seed.investigatingAt = investigatingAt;
    seed.awaitingAt = awaitingAt;
    seed.resolvedAt = plannedResolution;
    seed.undueCharge = undue;
    seed.status = undue || rng.chance(0.1) ? 'resolved' : 'rejected';
    if (undue) {
      seed.undueReason = UNDUE_REASONS[d.cause];
      const partial = !rep.generous && rng.chance(0.3);
      seed.creditedAmountCents = partial
        ? Math.max(1, Math.round(d.disputedAmountCents * rng.between(0.5, 0.95)))
        : d.disputedAmountCents;
      seed.expectedResolutionOn = madridDate((awaitingAt ?? plannedResolution) + rng.int(3, 10) * DAY);
    }
    const notifiedAt = seconds(plannedResolution + rng.between(0.1, 20) * HOUR);
    if (rng.chance(0.88) && notifiedAt <= clock) {
      seed.customerNotifiedAt = notifiedAt;
      seed.customerNotifiedChannel = rng.weighted(CHANNELS);
    }
    return seed;
  }
  if (awaitingAt !== null && awaitingAt <= clock && rep !== null) {
    seed.status = 'awaiting_recalculation';
    seed.investigatingAt = investigatingAt;
    seed.awaitingAt = awaitingAt;
    seed.undueCharge = true;
    seed.undueReason = UNDUE_REASONS[d.cause];
    seed.expectedResolutionOn = madridDate(Math.max(clock, awaitingAt) + rng.int(2, 8) * DAY);
  } else if (investigatingAt <= clock && rep !== null) {
    seed.status = 'investigating';
    seed.investigatingAt = investigatingAt;
  }
  if (clock - d.openedAt < 72 * HOUR && rng.chance(0.35)) {
    // Fresh cases still waiting in the regional pool for someone to pick them up.
    seed.status = 'open';
    seed.assignedTo = null;
    seed.investigatingAt = null;
    seed.awaitingAt = null;
    seed.undueCharge = null;
    seed.undueReason = null;
    seed.expectedResolutionOn = null;
  }
  return seed;
}

/** DS-0000001… in opening order; recalculation references follow the same order. */
export function assignDisputeRefs(disputes: DisputeSeed[]): void {
  let recalculations = 0;
  disputes.forEach((d, i) => {
    d.disputeRef = `DS-${String(i + 1).padStart(7, '0')}`;
    if (d.awaitingAt !== null && (d.undueCharge ?? false)) {
      recalculations++;
      d.recalculationRef = `RCL-${String(recalculations).padStart(7, '0')}`;
    }
  });
}
