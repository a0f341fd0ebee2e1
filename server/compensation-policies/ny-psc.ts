import { centsText, durationSeconds, hoursText, interrupted, roundHalfUp } from './money';
import type { CustomerFacts, Explanation, OutageFacts } from './types';

export const NY_MIN_SUBSCRIBERS = 100;
export const NY_MIN_SECONDS = 24 * 3600;

/**
 * New York PSC: an outage affecting at least 100 subscribers for 24 hours or more owes each one
 * a thirtieth of the monthly rate of the interrupted services per 24 hours or part of them.
 */
export function newYorkPsc(customer: CustomerFacts, outage: OutageFacts, version: string): Explanation {
  const seconds = durationSeconds(outage);
  const services = interrupted(customer, outage);
  const fee = services?.feeCents ?? customer.monthlyFeeCents;
  const base = {
    policy: 'us-ny-psc' as const,
    version,
    rule: 'NY PSC: an outage affecting 100 or more subscribers for 24 hours or more owes 1/30 of the monthly rate per 24 hours or part.',
    inputs: {
      hours: seconds / 3600,
      affectedSubscribers: outage.affectedSubscribers,
      feeCents: fee,
      services: services === null ? 'no breakdown on file: the whole monthly fee' : services.kinds.join(', '),
    },
    automatic: true,
  };
  if (outage.affectedSubscribers < NY_MIN_SUBSCRIBERS || seconds < NY_MIN_SECONDS) {
    return {
      ...base,
      arithmetic: [
        `${outage.affectedSubscribers} subscribers for ${hoursText(seconds)}: below 100 subscribers or 24 h, nothing owed`,
      ],
      exactCents: 0,
      legalCents: 0,
    };
  }
  const periods = Math.ceil(seconds / NY_MIN_SECONDS);
  const exactCents = (fee * periods) / 30;
  const legalCents = roundHalfUp(exactCents);
  return {
    ...base,
    arithmetic: [
      `${hoursText(seconds)} = ${periods} periods of 24 h or part`,
      `${centsText(fee)} ÷ 30 × ${periods} = ${centsText(exactCents)} → ${centsText(legalCents)}`,
    ],
    exactCents,
    legalCents,
  };
}
