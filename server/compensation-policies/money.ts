import type { ServiceKind } from '@/lib/billing';
import type { CustomerFacts, OutageFacts, ServiceAmounts } from './types';

/** The seconds of a month in every pro-rata: 30 days, 720 hours. */
export const SECONDS_PER_MONTH = 2_592_000;

/** Half up, with a little slack so that 2.4999999997 from floating arithmetic rounds as the 2.5 it is. */
export function roundHalfUp(cents: number): number {
  return Math.floor(cents + 0.5 + 1e-9);
}

export function durationSeconds(outage: OutageFacts): number {
  return Math.max(0, (outage.endedAt.getTime() - outage.startedAt.getTime()) / 1000);
}

/** 1234 → "12.34" (amounts in an explanation, whatever the currency). */
export function centsText(cents: number): string {
  return (cents / 100).toFixed(4).replace(/(\.\d\d\d*?)0+$/, '$1');
}

export function hoursText(seconds: number): string {
  return `${Number((seconds / 3600).toFixed(4))} h`;
}

/** The services the outage interrupted among those the customer has, and the sum of their fees. */
export function interrupted(
  customer: CustomerFacts,
  outage: OutageFacts,
  among?: readonly ServiceKind[],
): { kinds: ServiceKind[]; feeCents: number } | null {
  if (customer.services === null) return null;
  const fees: ServiceAmounts = customer.services;
  const kinds = (Object.keys(fees) as ServiceKind[]).filter(
    (k) => (outage.services === null || outage.services.includes(k)) && (among === undefined || among.includes(k)),
  );
  return { kinds, feeCents: kinds.reduce((sum, k) => sum + (fees[k] ?? 0), 0) };
}

/** The fees a pro-rata applies to: the interrupted services', or the whole monthly fee without a breakdown. */
export function interruptedFeeCents(customer: CustomerFacts, outage: OutageFacts): number {
  return interrupted(customer, outage)?.feeCents ?? customer.monthlyFeeCents;
}
