import type { ChurnCategory, CompensationKind, OfferType, RetentionOutcome } from '../../lib/vocabularies';
import { activeAt, type CustomerSeed } from './demo-customers';
import type { DisputeSeed } from './demo-disputes';
import { repsAt, type UserSeed } from './demo-people';
import { ANCHOR, DAY, HOUR, MINUTE, WINDOW_START, duringDay, seconds } from './demo-time';
import { rngFor, type Rng } from './random';

export interface RetentionSeed {
  caseRef: string;
  customer: number;
  rep: string;
  openedAt: number;
  reason: ChurnCategory;
  offerType: OfferType;
  outcome: RetentionOutcome;
  mrrAtRiskCents: number;
  closedAt: number | null;
  offerMonthlyDiscountCents: number;
  offerMonths: number;
  /** Index into the disputes list. */
  escalatedFromDispute: number | null;
  notes: string | null;
  /** What a save cost, issued as a compensation linked to the case. */
  compensation: { kind: CompensationKind; amountCents: number } | null;
}

const CHURNED_CASE_RATE: Record<ChurnCategory, number> = {
  competitor: 0.5,
  price: 0.5,
  billing: 0.45,
  dissatisfaction: 0.35,
  attitude: 0.2,
  outage: 0.35,
  moved: 0.1,
  other: 0.1,
};
const SAVED_REASONS: [ChurnCategory, number][] = [
  ['competitor', 35],
  ['price', 30],
  ['billing', 12],
  ['dissatisfaction', 10],
  ['outage', 5],
  ['attitude', 3],
  ['other', 5],
];
/** Saves per lost case: a desk-wide save rate of about 40 %. */
const SAVES_PER_LOSS = 0.68;
const PENDING_CASES = 70;

function roundTo50(cents: number): number {
  return Math.max(200, Math.round(cents / 50) * 50);
}

interface Offer {
  offerType: OfferType;
  offerMonthlyDiscountCents: number;
  offerMonths: number;
  compensation: RetentionSeed['compensation'];
}

function makeOffer(rng: Rng, offerType: OfferType, feeCents: number): Offer {
  switch (offerType) {
    case 'discount': {
      const discount = roundTo50(feeCents * rng.between(0.1, 0.3));
      const months = rng.pick([3, 6, 12]);
      return {
        offerType,
        offerMonthlyDiscountCents: discount,
        offerMonths: months,
        compensation: { kind: 'retention_offer', amountCents: discount * months },
      };
    }
    case 'promotion': {
      const [share, months] = rng.pick([
        [0.5, 3],
        [0.25, 6],
      ] as const);
      const discount = roundTo50(feeCents * share);
      return {
        offerType,
        offerMonthlyDiscountCents: discount,
        offerMonths: months,
        compensation: { kind: 'retention_offer', amountCents: discount * months },
      };
    }
    case 'fee_waiver':
      return {
        offerType,
        offerMonthlyDiscountCents: 0,
        offerMonths: 0,
        compensation: { kind: 'fee_waiver', amountCents: rng.pick([2990, 4990, 6000, 9900]) },
      };
    case 'loyalty_credit':
      return {
        offerType,
        offerMonthlyDiscountCents: 0,
        offerMonths: 0,
        compensation: { kind: 'loyalty_credit', amountCents: rng.pick([1000, 1500, 2000, 2500, 3000, 5000]) },
      };
    case 'upgrade':
    case 'none':
      return { offerType, offerMonthlyDiscountCents: 0, offerMonths: 0, compensation: null };
  }
}

const SAVED_OFFERS: [OfferType, number][] = [
  ['discount', 35],
  ['promotion', 20],
  ['fee_waiver', 12],
  ['loyalty_credit', 13],
  ['upgrade', 12],
  ['none', 8],
];
const REJECTED_OFFERS: [OfferType, number][] = [
  ['discount', 40],
  ['promotion', 20],
  ['fee_waiver', 10],
  ['loyalty_credit', 10],
  ['upgrade', 20],
];

/** Better reps take a larger share of the saves: P(rep | saved) ∝ skill, P(rep | lost) ∝ 1 − skill. */
function pickRep(rng: Rng, users: readonly UserSeed[], c: CustomerSeed, at: number, outcome: RetentionOutcome): string {
  const local = repsAt(users, 'retention', c.regionCode, at);
  const pool = local.length > 0 && rng.chance(0.75) ? local : repsAt(users, 'retention', null, at);
  const weight = (u: UserSeed) => (outcome === 'saved' ? u.skill : outcome === 'churned' ? 1 - u.skill : 1);
  return rng.weighted(pool.map((u) => [u.email, weight(u)] as const));
}

function recentDispute(
  byCustomer: Map<number, number[]>,
  disputes: readonly DisputeSeed[],
  customer: number,
  at: number,
): number | null {
  const found = (byCustomer.get(customer) ?? []).filter((i) => {
    const d = disputes[i];
    return d !== undefined && d.openedAt < at && at - d.openedAt < 30 * DAY;
  });
  return found[found.length - 1] ?? null;
}

export function buildRetentionCases(
  customers: readonly CustomerSeed[],
  disputes: readonly DisputeSeed[],
  users: readonly UserSeed[],
): RetentionSeed[] {
  const rng = rngFor('retention');
  const byCustomer = new Map<number, number[]>();
  disputes.forEach((d, i) => byCustomer.set(d.customer, [...(byCustomer.get(d.customer) ?? []), i]));
  const cases: RetentionSeed[] = [];
  const add = (
    customer: number,
    openedAt: number,
    reason: ChurnCategory,
    outcome: RetentionOutcome,
    closedAt: number | null,
    offer: Offer,
    linked: number | null,
  ) => {
    const c = customers[customer];
    if (!c) return;
    const escalated = linked ?? (rng.chance(0.7) ? recentDispute(byCustomer, disputes, customer, openedAt) : null);
    cases.push({
      caseRef: '',
      customer,
      rep: pickRep(rng, users, c, openedAt, outcome),
      openedAt,
      reason: escalated !== null && outcome !== 'churned' ? 'billing' : reason,
      outcome,
      mrrAtRiskCents: c.monthlyFeeCents,
      closedAt,
      escalatedFromDispute: escalated,
      notes:
        reason === 'competitor' && outcome === 'churned' && c.competitor ? `Already signed with ${c.competitor}` : null,
      ...offer,
      compensation: outcome === 'saved' ? offer.compensation : null,
    });
  };

  customers.forEach((c, i) => {
    if (c.churnedAt === null || c.churnCategory === null || c.churnedAt < WINDOW_START + 7 * DAY) return;
    if (!rng.chance(CHURNED_CASE_RATE[c.churnCategory])) return;
    const openedAt = seconds(duringDay(rng, c.churnedAt - rng.int(1, 12) * DAY));
    if (openedAt <= c.activatedAt) return;
    const closedAt = Math.max(openedAt, seconds(c.churnedAt - rng.int(0, 6 * 60) * MINUTE));
    const offerType = rng.chance(0.55) ? rng.weighted(REJECTED_OFFERS) : 'none';
    add(i, openedAt, c.churnCategory, 'churned', closedAt, makeOffer(rng, offerType, c.monthlyFeeCents), null);
  });

  const target = Math.round(cases.length * SAVES_PER_LOSS);
  let saved = 0;
  while (saved < target) {
    const customer = rng.int(0, customers.length - 1);
    const c = customers[customer];
    if (!c) continue;
    let openedAt = WINDOW_START + rng.next() * (ANCHOR - 2 * DAY - WINDOW_START);
    let reason = rng.weighted(SAVED_REASONS);
    let linked: number | null = null;
    const route = rng.next();
    if (route < 0.35 && c.promoEndsAt !== null) {
      // Promo-cliff callers: the bill went up and they ask to leave.
      openedAt = c.promoEndsAt + rng.int(-5, 15) * DAY;
      reason = rng.chance(0.6) ? 'price' : 'competitor';
    } else if (route > 0.85) {
      const own = byCustomer.get(customer) ?? [];
      linked = own.length > 0 ? rng.pick(own) : null;
      const d = linked === null ? undefined : disputes[linked];
      if (!d) continue;
      openedAt = d.openedAt + rng.int(1, 5) * DAY;
    }
    openedAt = seconds(duringDay(rng, openedAt));
    if (
      openedAt < WINDOW_START ||
      openedAt > ANCHOR - HOUR ||
      !activeAt(c, openedAt) ||
      openedAt < c.activatedAt + 20 * DAY
    )
      continue;
    const closedAt = seconds(openedAt + Math.min(10 * DAY, Math.max(10 * MINUTE, rng.logNormal(1.5, 0.9) * DAY)));
    if (c.churnedAt !== null && c.churnedAt < closedAt + 30 * DAY) continue;
    const offer = makeOffer(rng, rng.weighted(SAVED_OFFERS), c.monthlyFeeCents);
    if (closedAt > ANCHOR) add(customer, openedAt, reason, 'pending', null, offer, linked);
    else add(customer, openedAt, reason, 'saved', closedAt, offer, linked);
    saved++;
  }

  let pending = 0;
  while (pending < PENDING_CASES) {
    const customer = rng.int(0, customers.length - 1);
    const c = customers[customer];
    if (!c || !activeAt(c, ANCHOR) || c.activatedAt > ANCHOR - 30 * DAY) continue;
    const openedAt = seconds(duringDay(rng, ANCHOR - rng.int(0, 11) * DAY, 9, 12));
    const offerType = rng.chance(0.5) ? rng.weighted(SAVED_OFFERS) : 'none';
    add(
      customer,
      Math.min(openedAt, ANCHOR - HOUR),
      rng.weighted(SAVED_REASONS),
      'pending',
      null,
      makeOffer(rng, offerType, c.monthlyFeeCents),
      null,
    );
    pending++;
  }

  cases.sort((a, b) => a.openedAt - b.openedAt || a.customer - b.customer);
  cases.forEach((rc, i) => (rc.caseRef = `RC-${String(i + 1).padStart(7, '0')}`));
  return cases;
}
