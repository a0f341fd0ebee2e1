import type { ServiceKind } from '@/lib/billing';
import { centsText, durationSeconds, hoursText, interrupted, roundHalfUp, SECONDS_PER_MONTH } from './money';
import type { CustomerFacts, Explanation, OutageFacts } from './types';
import { secondsWithinDailyWindow } from './zoned-time';

const TELEPHONY: readonly ServiceKind[] = ['landline', 'mobile'];
const INTERNET: readonly ServiceKind[] = ['internet'];
/** Internet is owed only when more than six hours of the interruption fall between 08:00 and 22:00. */
export const SPAIN_INTERNET_WINDOW = { fromHour: 8, toHour: 22, moreThanSeconds: 6 * 3600 } as const;
/** Credited on the next bill without asking only above €1. */
export const SPAIN_AUTOMATIC_ABOVE_CENTS = 100;

/**
 * Spain, Real Decreto 899/2009 (Carta de derechos del usuario de los servicios de comunicaciones
 * electrónicas), articles 15 and 16:
 * - telephony (landline, mobile): the greater of (a) the average billed for the interrupted
 *   services over the three months before, prorated by the duration, and (b) five times their
 *   monthly fees, prorated; under force majeure only the fees, prorated;
 * - internet: its fee prorated by the duration, owed only when more than 6 hours of the
 *   interruption fall between 08:00 and 22:00;
 * - TV is not covered. The sum is credited automatically on the next bill when above €1.
 * Prorating is over a 720-hour month, as everywhere in Holdfast.
 */
export function spainRd899(
  customer: CustomerFacts,
  outage: OutageFacts,
  version: string,
  timeZone: string,
): Explanation {
  const seconds = durationSeconds(outage);
  const prorate = (cents: number) => (cents * seconds) / SECONDS_PER_MONTH;
  const arithmetic: string[] = [];
  const inputs: Explanation['inputs'] = { hours: seconds / 3600, forceMajeure: outage.forceMajeure, timeZone };

  const all = interrupted(customer, outage);
  if (all === null) {
    // Without a breakdown the kind of service is unknown: the one amount every rule owes, the fees prorated.
    const exactCents = prorate(customer.monthlyFeeCents);
    const legalCents = roundHalfUp(exactCents);
    return {
      policy: 'es-rd899',
      version,
      rule: 'RD 899/2009 with no service breakdown on file: the monthly fee prorated by the duration (above €1 credited automatically).',
      inputs: { ...inputs, feeCents: customer.monthlyFeeCents },
      arithmetic: [
        `${centsText(customer.monthlyFeeCents)} × ${hoursText(seconds)} ÷ 720 h = ${centsText(exactCents)} → ${centsText(legalCents)}`,
        automaticLine(legalCents),
      ],
      exactCents,
      legalCents,
      automatic: legalCents > SPAIN_AUTOMATIC_ABOVE_CENTS,
    };
  }

  const telephony = interrupted(customer, outage, TELEPHONY) ?? { kinds: [], feeCents: 0 };
  const internet = interrupted(customer, outage, INTERNET) ?? { kinds: [], feeCents: 0 };
  inputs.telephonyServices = telephony.kinds.join(', ') || 'none';
  inputs.internetInterrupted = internet.kinds.length > 0;

  let telephonyCents = 0;
  if (telephony.kinds.length > 0) {
    const fees = telephony.feeCents;
    inputs.telephonyFeeCents = fees;
    const byFees = prorate(fees);
    if (outage.forceMajeure) {
      telephonyCents = byFees;
      arithmetic.push(
        `telephony, force majeure: fees ${centsText(fees)} × ${hoursText(seconds)} ÷ 720 h = ${centsText(byFees)}`,
      );
    } else {
      const months = customer.previousBills.length;
      const billed = customer.previousBills.reduce(
        (sum, bill) => sum + telephony.kinds.reduce((s, k) => s + (bill[k] ?? 0), 0),
        0,
      );
      const average = months === 0 ? 0 : billed / months;
      inputs.billedMonths = months;
      inputs.averageBilledCents = average;
      const a = prorate(average);
      const b = prorate(5 * fees);
      telephonyCents = Math.max(a, b);
      arithmetic.push(
        `telephony (a): average billed ${centsText(average)} (${centsText(billed)} over ${months} months) × ${hoursText(seconds)} ÷ 720 h = ${centsText(a)}`,
        `telephony (b): 5 × fees ${centsText(fees)} × ${hoursText(seconds)} ÷ 720 h = ${centsText(b)}`,
        `telephony: the greater, ${centsText(telephonyCents)}`,
      );
    }
  }

  let internetCents = 0;
  if (internet.kinds.length > 0) {
    const { fromHour, toHour, moreThanSeconds } = SPAIN_INTERNET_WINDOW;
    const inWindow = secondsWithinDailyWindow(outage.startedAt, outage.endedAt, fromHour, toHour, timeZone);
    inputs.internetFeeCents = internet.feeCents;
    inputs.hoursBetween08and22 = inWindow / 3600;
    if (inWindow > moreThanSeconds) {
      internetCents = prorate(internet.feeCents);
      arithmetic.push(
        `internet: ${hoursText(inWindow)} between 08:00 and 22:00 is more than 6 h; fee ${centsText(internet.feeCents)} × ${hoursText(seconds)} ÷ 720 h = ${centsText(internetCents)}`,
      );
    } else {
      arithmetic.push(`internet: ${hoursText(inWindow)} between 08:00 and 22:00 is not more than 6 h; nothing owed`);
    }
  }
  if (all.kinds.includes('tv')) arithmetic.push('TV is not covered by RD 899/2009');

  const exactCents = telephonyCents + internetCents;
  const legalCents = roundHalfUp(exactCents);
  arithmetic.push(`total ${centsText(exactCents)} → ${centsText(legalCents)}`, automaticLine(legalCents));
  return {
    policy: 'es-rd899',
    version,
    rule: outage.forceMajeure
      ? 'RD 899/2009, force majeure: the fees of the interrupted services prorated (internet only beyond 6 h between 08:00 and 22:00); credited on the next bill above €1.'
      : 'RD 899/2009 art. 15–16: telephony the greater of the 3-month average billed and 5 × the fees, prorated; internet the fee prorated beyond 6 h between 08:00 and 22:00; credited on the next bill above €1.',
    inputs,
    arithmetic,
    exactCents,
    legalCents,
    automatic: legalCents > SPAIN_AUTOMATIC_ABOVE_CENTS,
  };
}

function automaticLine(legalCents: number): string {
  return legalCents > SPAIN_AUTOMATIC_ABOVE_CENTS
    ? 'above 1.00: credited automatically on the next bill'
    : 'not above 1.00: owed on the customer’s claim, not credited automatically';
}
