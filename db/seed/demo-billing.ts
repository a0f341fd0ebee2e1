import type { CustomerSeed } from './demo-customers';
import { ANCHOR } from './demo-time';
import { rngFor } from './random';

export interface ServicesSeed {
  customer: number;
  internetFeeCents: number | null;
  landlineFeeCents: number | null;
  mobileFeeCents: number | null;
  tvFeeCents: number | null;
}

export interface BillSeed {
  billRef: string;
  customer: number;
  /** The first day of the month, `YYYY-MM-01`. */
  period: string;
  internetCents: number | null;
  landlineCents: number | null;
  mobileCents: number | null;
  tvCents: number | null;
}

/** Months billed before the demo's anchor month: the three RD 899/2009 averages over. */
const BILLED_MONTHS = 3;

/**
 * Each customer's fee split into services, so that their sum is exactly the monthly fee: under
 * 20.00 internet only; otherwise internet half, landline a fifth, mobile the rest, and TV out of
 * the mobile share for one in three.
 */
export function servicesOf(customer: number, feeCents: number): ServicesSeed {
  if (feeCents < 2000) {
    return { customer, internetFeeCents: feeCents, landlineFeeCents: null, mobileFeeCents: null, tvFeeCents: null };
  }
  const internet = Math.round(feeCents * 0.5);
  const landline = Math.round(feeCents * 0.2);
  const rest = feeCents - internet - landline;
  const tv = customer % 3 === 0 ? Math.round(rest * 0.4) : 0;
  return {
    customer,
    internetFeeCents: internet,
    landlineFeeCents: landline,
    mobileFeeCents: rest - tv,
    tvFeeCents: tv > 0 ? tv : null,
  };
}

/** Services for everyone; bills of the last three months for customers active through them, usage on the phone lines. */
export function buildBilling(customers: readonly CustomerSeed[]): { services: ServicesSeed[]; bills: BillSeed[] } {
  const rng = rngFor('billing');
  const services = customers.map((c, i) => servicesOf(i, c.monthlyFeeCents));
  const anchor = new Date(ANCHOR);
  const months = Array.from({ length: BILLED_MONTHS }, (_, k) => {
    const start = Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() - BILLED_MONTHS + k, 1);
    return { start, end: Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() - BILLED_MONTHS + k + 1, 1) };
  });
  const bills: BillSeed[] = [];
  customers.forEach((c, i) => {
    const s = services[i];
    if (!s) return;
    for (const m of months) {
      if (c.activatedAt >= m.start || (c.churnedAt !== null && c.churnedAt < m.end)) continue;
      const usage = (fee: number | null) => (fee === null ? null : fee + rng.int(0, 4) * 150);
      const period = new Date(m.start).toISOString().slice(0, 10);
      bills.push({
        billRef: `BL-${c.accountNumber.slice(4)}-${period.slice(0, 7)}`,
        customer: i,
        period,
        internetCents: s.internetFeeCents,
        landlineCents: usage(s.landlineFeeCents),
        mobileCents: usage(s.mobileFeeCents),
        tvCents: s.tvFeeCents,
      });
    }
  });
  return { services, bills };
}
