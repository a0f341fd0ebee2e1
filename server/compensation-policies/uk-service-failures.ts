import type { AppointmentStatus, ServiceKind } from '@/lib/billing';
import { centsText } from './money';
import type { Explanation } from './types';
import { ofcomRatesOn } from './uk-ofcom-rates';
import { daysBetween, localDate } from './zoned-time';

const UK_TIME_ZONE = 'Europe/London';
/** Ofcom's scheme covers landline and broadband only. */
export const OFCOM_COVERED: readonly ServiceKind[] = ['landline', 'internet'];
/** A cancellation with less notice than this before the window counts as a missed appointment. */
export const CANCELLATION_NOTICE_MS = 24 * 3_600_000;

export interface AppointmentFacts {
  ref: string;
  service: ServiceKind;
  windowStart: Date;
  windowEnd: Date;
  status: AppointmentStatus;
  cancelledAt: Date | null;
}

export interface OrderFacts {
  ref: string;
  service: ServiceKind;
  promisedOn: string;
  startedOn: string | null;
}

const base = (version: string, rule: string) => ({ policy: 'uk-ofcom' as const, version, rule });

/**
 * Ofcom, missed appointment: the fixed amount in force on the appointment's day when the engineer
 * did not come, or the appointment was cancelled with less than 24 hours' notice. Kept, still
 * scheduled, cancelled in time, or for mobile or TV: nothing.
 */
export function missedAppointmentCredit(a: AppointmentFacts): Explanation {
  const day = localDate(a.windowStart, UK_TIME_ZONE);
  const rates = ofcomRatesOn(day);
  const noticeMs = a.cancelledAt === null ? null : a.windowStart.getTime() - a.cancelledAt.getTime();
  const noticeHours = noticeMs === null ? null : Number((noticeMs / 3_600_000).toFixed(2));
  const lateCancellation = a.status === 'cancelled' && noticeMs !== null && noticeMs < CANCELLATION_NOTICE_MS;
  const covered = OFCOM_COVERED.includes(a.service);
  const missed = covered && (a.status === 'missed' || lateCancellation);
  const cents = missed ? rates.missedAppointment : 0;
  const why = !covered
    ? `${a.service} is not covered (landline and broadband only): nothing owed`
    : a.status === 'missed'
      ? `missed on ${day}: ${centsText(rates.missedAppointment)}`
      : lateCancellation
        ? `cancelled ${noticeHours ?? 0} h before the window, less than 24 h: ${centsText(rates.missedAppointment)}`
        : a.status === 'cancelled'
          ? `cancelled ${noticeHours ?? 0} h before the window, 24 h or more: nothing owed`
          : `${a.status}: nothing owed`;
  return {
    ...base(
      rates.from,
      'Ofcom automatic compensation, missed appointment: a fixed amount when the engineer does not come or the appointment is cancelled with less than 24 hours’ notice.',
    ),
    inputs: {
      appointment: a.ref,
      service: a.service,
      day,
      status: a.status,
      noticeHours,
      amountCents: rates.missedAppointment,
      amountsSource: rates.source,
    },
    arithmetic: [why],
    exactCents: cents,
    legalCents: cents,
    automatic: true,
  };
}

/**
 * Ofcom, delayed start of a new service: the daily amount in force on the promised day for each
 * calendar day from the promised day up to, not including, the day it started. A service not
 * started yet owes the days before `today` so far (and `final` is false).
 */
export function delayedStartCredit(o: OrderFacts, today: string): Explanation & { final: boolean; days: number } {
  const rates = ofcomRatesOn(o.promisedOn);
  const covered = OFCOM_COVERED.includes(o.service);
  const end = o.startedOn ?? today;
  const days = covered ? Math.max(0, daysBetween(o.promisedOn, end)) : 0;
  const cents = days * rates.delayedProvisionPerDay;
  const why = !covered
    ? `${o.service} is not covered (landline and broadband only): nothing owed`
    : o.startedOn === null
      ? days > 0
        ? `not started yet: ${days} days from ${o.promisedOn} up to ${today} so far × ${centsText(rates.delayedProvisionPerDay)} = ${centsText(cents)}`
        : `promised for ${o.promisedOn}, not yet due: nothing owed`
      : days > 0
        ? `started ${o.startedOn}: ${days} days from ${o.promisedOn} × ${centsText(rates.delayedProvisionPerDay)} = ${centsText(cents)}`
        : `started ${o.startedOn}, on or before the promised ${o.promisedOn}: nothing owed`;
  return {
    ...base(
      rates.from,
      'Ofcom automatic compensation, delayed start: a daily amount for each calendar day a new landline or broadband service starts late, the promised day included.',
    ),
    inputs: {
      order: o.ref,
      service: o.service,
      promised: o.promisedOn,
      started: o.startedOn,
      dailyAmountCents: rates.delayedProvisionPerDay,
      amountsSource: rates.source,
    },
    arithmetic: [why],
    exactCents: cents,
    legalCents: cents,
    automatic: true,
    final: o.startedOn !== null,
    days,
  };
}
