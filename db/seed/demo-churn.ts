import type { ChurnCategory } from '../../lib/vocabularies';
import { CAMPAIGN, CHURN_REASONS, COMPETITOR_WEIGHTS, type Competitor } from './demo-catalog';
import type { RegionCode } from './demo-geography';
import { outageCovers, type OutageSeed } from './demo-outages';
import { ANCHOR, DAY, HOUR, MONTH, duringDay } from './demo-time';
import type { Rng } from './random';

/** What the churn model needs to know about one customer. */
export interface ChurnSubject {
  activatedAt: number;
  regionCode: RegionCode;
  postcode: string;
  planChurnFactor: number;
  regionChurnFactor: number;
  promoEndsAt: number | null;
  firstBillDisputeAt: number | null;
}

export interface ChurnOutcome {
  churnedAt: number;
  churnCategory: ChurnCategory;
  churnReason: string;
  competitor: Competitor | null;
}

type Context = 'early' | 'disputedFirstBill' | 'promoEnded' | 'general';

const BASE_MONTHLY_HAZARD = 0.0102;
/** Extra hazard in the months right after the first bills arrive. */
const FIRST_BILLS_HAZARD = 0.02;
const DISPUTED_FIRST_BILL_HAZARD = 0.085;
/** Extra hazard in the two months after a promotion ends: the promo cliff. */
const PROMO_CLIFF_HAZARD = 0.055;

function inCampaign(regionCode: RegionCode, at: number): boolean {
  return CAMPAIGN.regions.includes(regionCode) && at >= CAMPAIGN.from && at < CAMPAIGN.to;
}

/** Steps through the customer's life a billing month at a time, drawing whether they leave. */
export function simulateChurn(rng: Rng, c: ChurnSubject, outages: readonly OutageSeed[]): ChurnOutcome | null {
  for (let k = 0; ; k++) {
    const segStart = c.activatedAt + k * MONTH;
    if (segStart >= ANCHOR) return null;
    const segEnd = Math.min(segStart + MONTH, ANCHOR);
    let hazard = BASE_MONTHLY_HAZARD * c.planChurnFactor * c.regionChurnFactor;
    let context: Context = 'general';
    if (k === 1 || k === 2) {
      hazard += FIRST_BILLS_HAZARD;
      context = 'early';
      if (c.firstBillDisputeAt !== null) {
        hazard += DISPUTED_FIRST_BILL_HAZARD;
        context = 'disputedFirstBill';
      }
    }
    if (c.promoEndsAt !== null && c.promoEndsAt < segEnd && c.promoEndsAt >= segStart - MONTH) {
      hazard += PROMO_CLIFF_HAZARD;
      if (context === 'general') context = 'promoEnded';
    }
    if (inCampaign(c.regionCode, segStart)) hazard *= 1.4;
    if (!rng.chance(hazard * ((segEnd - segStart) / MONTH))) continue;

    let churnedAt = duringDay(rng, segStart + rng.next() * (segEnd - segStart));
    if (context === 'disputedFirstBill' && c.firstBillDisputeAt !== null) {
      churnedAt = Math.max(churnedAt, c.firstBillDisputeAt + rng.int(2, 20) * DAY);
    }
    if (context === 'promoEnded' && c.promoEndsAt !== null)
      churnedAt = Math.max(churnedAt, c.promoEndsAt + rng.int(1, 10) * HOUR);
    churnedAt = Math.max(churnedAt, c.activatedAt + HOUR);
    if (churnedAt >= ANCHOR) return null;
    return describeChurn(rng, c, context, churnedAt, outages);
  }
}

const GENERAL: [ChurnCategory, number][] = [
  ['competitor', 32],
  ['price', 17],
  ['dissatisfaction', 13],
  ['billing', 8],
  ['attitude', 5],
  ['outage', 4],
  ['moved', 14],
  ['other', 7],
];
const WEIGHTS: Record<Context, [ChurnCategory, number][]> = {
  general: GENERAL,
  early: [
    ['billing', 25],
    ['dissatisfaction', 25],
    ['attitude', 10],
    ['competitor', 20],
    ['price', 15],
    ['other', 5],
  ],
  disputedFirstBill: [
    ['billing', 60],
    ['dissatisfaction', 12],
    ['attitude', 10],
    ['competitor', 10],
    ['price', 8],
  ],
  promoEnded: [
    ['price', 50],
    ['competitor', 45],
    ['other', 5],
  ],
};

function describeChurn(
  rng: Rng,
  c: ChurnSubject,
  context: Context,
  churnedAt: number,
  outages: readonly OutageSeed[],
): ChurnOutcome {
  const recentOutage = outages.some(
    (o) =>
      o.severity !== 'minor' &&
      o.startedAt < churnedAt &&
      churnedAt - o.startedAt < 45 * DAY &&
      outageCovers(o, c.regionCode, c.postcode),
  );
  const campaign = inCampaign(c.regionCode, churnedAt);
  let category: ChurnCategory;
  if (context === 'general' && recentOutage && rng.chance(0.4)) category = 'outage';
  else if (campaign && context !== 'disputedFirstBill' && rng.chance(0.35)) category = 'competitor';
  else category = rng.weighted(WEIGHTS[context]);

  let competitor: Competitor | null = null;
  if (category === 'competitor') {
    competitor = campaign && rng.chance(0.6) ? CAMPAIGN.competitor : rng.weighted(COMPETITOR_WEIGHTS[c.regionCode]);
  }
  const reason = rng.pick(CHURN_REASONS[category]).replace('{competitor}', competitor ?? 'a competitor');
  return { churnedAt, churnCategory: category, churnReason: reason, competitor };
}
