import { centsText, durationSeconds, hoursText, interrupted, roundHalfUp, SECONDS_PER_MONTH } from './money';
import type { CustomerFacts, Explanation, OutageFacts } from './types';

/**
 * The general rule where no specific regulation is chosen (Holdfast's historical formula): the
 * fees of the interrupted services prorated by the outage's duration over a 720-hour month.
 */
export function proRata(customer: CustomerFacts, outage: OutageFacts, version: string): Explanation {
  const seconds = durationSeconds(outage);
  const services = interrupted(customer, outage);
  const fee = services?.feeCents ?? customer.monthlyFeeCents;
  const exactCents = (fee * seconds) / SECONDS_PER_MONTH;
  const legalCents = roundHalfUp(exactCents);
  return {
    policy: 'pro-rata',
    version,
    rule: 'Fees of the interrupted services × outage hours ÷ 720, rounded half up.',
    inputs: {
      hours: seconds / 3600,
      feeCents: fee,
      services: services === null ? 'no breakdown on file: the whole monthly fee' : services.kinds.join(', '),
    },
    arithmetic: [
      `${centsText(fee)} × ${hoursText(seconds)} ÷ 720 h = ${centsText(exactCents)} → ${centsText(legalCents)}`,
    ],
    exactCents,
    legalCents,
    automatic: true,
  };
}
