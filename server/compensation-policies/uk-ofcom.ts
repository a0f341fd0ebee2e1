import 'server-only';
import type { ServiceKind, UkNation } from '@/lib/billing';
import { centsText, interrupted } from './money';
import type { CustomerFacts, Explanation, OutageFacts } from './types';
import { ofcomRatesOn, type OfcomRates } from './uk-ofcom-rates';
import { nthWorkingDayAfter } from './working-days';
import { addDays, daysBetween, localDate } from './zoned-time';

export const UK_TIME_ZONE = 'Europe/London';
const COVERED: readonly ServiceKind[] = ['landline', 'internet'];

/**
 * Delayed repair: a fault reported on day D (here, the outage's start) must be fixed by the end
 * of the second full working day after D (D itself is not a full day). After that, each calendar
 * day on which the service is still down, in whole or in part, is owed the daily amount, weekends
 * and bank holidays included. Returns the days and the first day owed.
 */
export function delayedRepairDays(
  reportedAt: Date,
  repairedAt: Date,
  nation: UkNation,
): { deadline: string; firstDayOwed: string; days: number } {
  const deadline = nthWorkingDayAfter(localDate(reportedAt, UK_TIME_ZONE), 2, nation);
  const firstDayOwed = addDays(deadline, 1);
  // The last day the service was down: repaired at 00:00 means down until the day before.
  const lastDayDown = localDate(new Date(repairedAt.getTime() - 1), UK_TIME_ZONE);
  return { deadline, firstDayOwed, days: Math.max(0, daysBetween(firstDayOwed, lastDayDown) + 1) };
}

/**
 * UK, Ofcom's automatic compensation scheme, delayed repair after a total loss of landline or
 * broadband service: the daily amount in force when the fault was reported, for each calendar
 * day after two full working days. Paid once per customer and fault, whether one or both
 * services are down; mobile and TV are not covered.
 */
export function ukOfcomDelayedRepair(customer: CustomerFacts, outage: OutageFacts, nation: UkNation): Explanation {
  const rates = ofcomRatesOn(localDate(outage.startedAt, UK_TIME_ZONE));
  const covered = interrupted(customer, outage, COVERED);
  const base = {
    policy: 'uk-ofcom' as const,
    version: rates.from,
    rule: 'Ofcom automatic compensation, delayed repair: a daily amount for each calendar day the landline or broadband stays down after two full working days.',
    automatic: true,
  };
  if (covered !== null && covered.kinds.length === 0) {
    return {
      ...base,
      inputs: { nation, services: 'none covered (landline and broadband only)' },
      arithmetic: ['no landline or broadband interrupted: nothing owed'],
      exactCents: 0,
      legalCents: 0,
    };
  }
  const { deadline, firstDayOwed, days } = delayedRepairDays(outage.startedAt, outage.endedAt, nation);
  const cents = days * rates.delayedRepairPerDay;
  return {
    ...base,
    inputs: {
      nation,
      reported: localDate(outage.startedAt, UK_TIME_ZONE),
      repaired: localDate(outage.endedAt, UK_TIME_ZONE),
      secondFullWorkingDay: deadline,
      dailyAmountCents: rates.delayedRepairPerDay,
      amountsSource: rates.source,
      services: covered === null ? 'no breakdown on file: assumed covered' : covered.kinds.join(', '),
    },
    arithmetic: [
      days > 0
        ? `${days} calendar days from ${firstDayOwed} × ${centsText(rates.delayedRepairPerDay)} = ${centsText(cents)}`
        : `repaired by the end of ${deadline}, the second full working day: nothing owed`,
    ],
    exactCents: cents,
    legalCents: cents,
  };
}

/** A missed engineer appointment (or one cancelled with less than 24 hours' notice): one fixed amount. */
export function ukOfcomMissedAppointment(appointmentAt: Date): { rates: OfcomRates; cents: number } {
  const rates = ofcomRatesOn(localDate(appointmentAt, UK_TIME_ZONE));
  return { rates, cents: rates.missedAppointment };
}

/**
 * A new service started late: each calendar day from the promised day up to, not including, the
 * day it started, at the daily amount in force on the promised day.
 */
export function ukOfcomDelayedProvision(
  promised: string,
  startedOn: string,
): { rates: OfcomRates; days: number; cents: number } {
  const rates = ofcomRatesOn(promised);
  const days = Math.max(0, daysBetween(promised, startedOn));
  return { rates, days, cents: days * rates.delayedProvisionPerDay };
}
