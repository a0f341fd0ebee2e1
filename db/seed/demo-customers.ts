import type { ChurnCategory } from '../../lib/vocabularies';
import { FIRST_NAMES, PLANS, SURNAMES } from './demo-catalog';
import { simulateChurn } from './demo-churn';
import { REGIONS, postcodeWeights, type RegionCode } from './demo-geography';
import type { OutageSeed } from './demo-outages';
import { repsAt, type UserSeed } from './demo-people';
import { ANCHOR, DAY, LEGACY_START, WINDOW_START, addMonths, duringDay, seconds } from './demo-time';
import { rngFor, type Rng } from './random';

export interface CustomerSeed {
  accountNumber: string;
  name: string;
  regionCode: RegionCode;
  postcode: string;
  /** A Spanish mobile, +346 and 8 digits; one customer in ten has none on file. */
  phone: string | null;
  plan: string;
  activatedAt: number;
  monthlyFeeCents: number;
  churnedAt: number | null;
  churnCategory: ChurnCategory | null;
  churnReason: string | null;
  competitor: string | null;
  soldBy: string | null;
  promoEndsAt: number | null;
  promoMonthlyDiscountCents: number | null;
  /** When the customer disputes their first bill; drives early churn and the dispute generator. */
  firstBillDisputeAt: number | null;
}

export const CUSTOMER_COUNT = 20_000;
/** Customers already on the books when the operations window opens (migrated from the old CRM). */
const LEGACY_COUNT = 4_500;
const FIRST_BILL_DISPUTE_RATE = 0.15;

/** Monthly sales grow through the window, with the usual September and January peaks. */
function activationMonthWeights(): [number, number][] {
  const weights: [number, number][] = [];
  for (let m = 0; m < 36; m++) {
    const start = addMonths(WINDOW_START, m);
    const month = new Date(start).getUTCMonth();
    const seasonal = month === 8 || month === 9 ? 1.15 : month === 0 ? 1.1 : month === 7 ? 0.8 : 1;
    weights.push([start, (0.75 + (0.5 * m) / 35) * seasonal]);
  }
  return weights;
}

function activationTimes(rng: Rng): number[] {
  const months = activationMonthWeights();
  const times: number[] = [];
  for (let i = 0; i < CUSTOMER_COUNT; i++) {
    let day: number;
    if (i < LEGACY_COUNT) {
      day = LEGACY_START + rng.next() * (WINDOW_START - LEGACY_START);
    } else {
      const start = rng.weighted(months);
      day = Math.min(ANCHOR - DAY, start + rng.next() * (addMonths(start, 1) - start));
    }
    times.push(Math.min(ANCHOR - DAY, seconds(duringDay(rng, day, 9, 21))));
  }
  return times.sort((a, b) => a - b);
}

function promoFor(rng: Rng, activatedAt: number, feeCents: number): { endsAt: number; discountCents: number } | null {
  if (!rng.chance(0.3)) return null;
  const months = rng.weighted([
    [3, 25],
    [6, 35],
    [12, 40],
  ] as const);
  const discount = Math.min(rng.pick([500, 750, 1000, 1500, 2000]), Math.floor(feeCents / 100) * 50);
  return { endsAt: addMonths(activatedAt, months), discountCents: discount };
}

export function buildCustomers(users: readonly UserSeed[], outages: readonly OutageSeed[]): CustomerSeed[] {
  const rng = rngFor('customers');
  const churnRng = rngFor('churn');
  const regionWeights = REGIONS.map((r) => [r, r.weight] as const);
  const planWeights = PLANS.map((p) => [p, p.weight] as const);
  return activationTimes(rng).map((activatedAt, i) => {
    const region = rng.weighted(regionWeights);
    const postcode = rng.weighted(postcodeWeights(region.postcodes));
    const plan = rng.weighted(planWeights);
    const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)} ${rng.pick(SURNAMES)}`;
    const sellers = repsAt(users, 'billing', region.code, activatedAt);
    const soldBy = sellers.length > 0 && rng.chance(0.85) ? rng.pick(sellers).email : null;
    const promo = promoFor(rng, activatedAt, plan.feeCents);
    const firstBill = activatedAt + rng.int(30, 45) * DAY;
    const disputesFirstBill = activatedAt >= WINDOW_START - 30 * DAY && rng.chance(FIRST_BILL_DISPUTE_RATE);
    const firstBillDisputeAt =
      disputesFirstBill && firstBill < ANCHOR - DAY ? seconds(duringDay(rng, firstBill)) : null;
    const churn = simulateChurn(
      churnRng,
      {
        activatedAt,
        regionCode: region.code,
        postcode,
        planChurnFactor: plan.churnFactor,
        regionChurnFactor: region.churnFactor,
        promoEndsAt: promo?.endsAt ?? null,
        firstBillDisputeAt,
      },
      outages,
    );
    return {
      accountNumber: `ACC-${String(i + 1).padStart(7, '0')}`,
      name,
      regionCode: region.code,
      postcode,
      phone: demoPhone(i),
      plan: plan.name,
      activatedAt,
      monthlyFeeCents: plan.feeCents,
      churnedAt: churn ? seconds(churn.churnedAt) : null,
      churnCategory: churn?.churnCategory ?? null,
      churnReason: churn?.churnReason ?? null,
      competitor: churn?.competitor ?? null,
      soldBy,
      promoEndsAt: promo?.endsAt ?? null,
      promoMonthlyDiscountCents: promo?.discountCents ?? null,
      // A customer who left before the first bill never disputed it.
      firstBillDisputeAt:
        firstBillDisputeAt !== null && (churn === null || churn.churnedAt > firstBillDisputeAt)
          ? firstBillDisputeAt
          : null,
    };
  });
}

/**
 * The i-th customer's phone, from the index alone (no draw from the generator, so the rest of the
 * demo data does not move): 7919 is prime to 10^8, so the numbers are distinct.
 */
export function demoPhone(i: number): string | null {
  if (i % 10 === 9) return null;
  return `+346${String((i * 7919 + 1_234_567) % 100_000_000).padStart(8, '0')}`;
}

/** Active at an instant, as docs/metrics.md defines it. */
export function activeAt(c: CustomerSeed, at: number): boolean {
  return c.activatedAt < at && (c.churnedAt === null || c.churnedAt >= at);
}
