import { describe, expect, it } from 'vitest';
import { ofcomRatesOn } from './uk-ofcom-rates';
import { delayedRepairDays, ukOfcomDelayedProvision, ukOfcomDelayedRepair, ukOfcomMissedAppointment } from './uk-ofcom';
import type { CustomerFacts, OutageFacts } from './types';

/** By hand, from the scheme: 2 full working days after the report day, then each calendar day down. */
const broadband: CustomerFacts = {
  monthlyFeeCents: 3500,
  services: { internet: 2500, landline: 1000 },
  previousBills: [],
};
const outage = (start: string, end: string): OutageFacts => ({
  startedAt: new Date(start),
  endedAt: new Date(end),
  forceMajeure: false,
  services: null,
  affectedSubscribers: 10,
});

describe('Ofcom rates', () => {
  it('are dated: each April’s amounts from 1 April UK time', () => {
    expect(ofcomRatesOn('2026-03-31')).toMatchObject({ delayedRepairPerDay: 998, missedAppointment: 3119 });
    expect(ofcomRatesOn('2026-04-01')).toMatchObject({
      delayedRepairPerDay: 1034,
      missedAppointment: 3231,
      delayedProvisionPerDay: 646,
    });
    expect(ofcomRatesOn('2024-06-01').delayedRepairPerDay).toBe(976);
  });
});

describe('delayed repair', () => {
  // Friday 16 Jan 2026: the full working days are Monday 19 and Tuesday 20; owed from Wednesday 21.
  it('across a weekend: fixed by the end of the second working day owes nothing', () => {
    expect(delayedRepairDays(new Date('2026-01-16T10:00:00Z'), new Date('2026-01-20T23:59:00Z'), 'ENG')).toEqual({
      deadline: '2026-01-20',
      firstDayOwed: '2026-01-21',
      days: 0,
    });
    expect(delayedRepairDays(new Date('2026-01-16T10:00:00Z'), new Date('2026-01-21T00:00:00Z'), 'ENG').days).toBe(0);
  });

  it('any part of a day after it counts: 00:30 on Wednesday is one day; Friday afternoon is three', () => {
    expect(delayedRepairDays(new Date('2026-01-16T10:00:00Z'), new Date('2026-01-21T00:30:00Z'), 'ENG').days).toBe(1);
    const e = ukOfcomDelayedRepair(broadband, outage('2026-01-16T10:00:00Z', '2026-01-23T15:00:00Z'), 'ENG');
    // Reported under the April 2025 amounts: 3 × 9.98.
    expect(e).toMatchObject({ legalCents: 2994, version: '2025-04-01', automatic: true });
  });

  it('across Easter in England: Good Friday, the weekend and Easter Monday are not working days', () => {
    // Reported Thursday 2 April 2026, 10:00 BST. Working days: Tuesday 7, Wednesday 8; owed 9 and 10 April.
    const e = ukOfcomDelayedRepair(broadband, outage('2026-04-02T09:00:00Z', '2026-04-10T11:00:00Z'), 'ENG');
    expect(e.inputs.secondFullWorkingDay).toBe('2026-04-08');
    expect(e).toMatchObject({ legalCents: 2 * 1034, version: '2026-04-01' });
  });

  it('in Scotland Easter Monday is a working day, so one more day is owed', () => {
    const e = ukOfcomDelayedRepair(broadband, outage('2026-04-02T09:00:00Z', '2026-04-10T11:00:00Z'), 'SCT');
    expect(e.inputs.secondFullWorkingDay).toBe('2026-04-07');
    expect(e.legalCents).toBe(3 * 1034);
  });

  it('a rate change during the fault: the amounts in force when it was reported apply to every day', () => {
    // Reported Monday 30 March 2026; working days 31 March and 1 April; owed 2–8 April = 7 days at 9.98.
    const e = ukOfcomDelayedRepair(broadband, outage('2026-03-30T09:00:00Z', '2026-04-08T11:00:00Z'), 'ENG');
    expect(e).toMatchObject({ legalCents: 7 * 998, version: '2025-04-01' });
  });

  it('covers landline and broadband only, once per customer', () => {
    const mobile: CustomerFacts = { monthlyFeeCents: 2000, services: { mobile: 2000 }, previousBills: [] };
    expect(ukOfcomDelayedRepair(mobile, outage('2026-01-16T10:00:00Z', '2026-01-23T15:00:00Z'), 'ENG').legalCents).toBe(
      0,
    );
  });
});

describe('missed appointment and delayed start', () => {
  it('a missed appointment is the fixed amount of its date', () => {
    expect(ukOfcomMissedAppointment(new Date('2026-03-31T12:00:00Z')).cents).toBe(3119);
    expect(ukOfcomMissedAppointment(new Date('2026-05-01T12:00:00Z')).cents).toBe(3231);
  });
  it('a late start owes the promised day and each day up to, not including, the day it started', () => {
    expect(ukOfcomDelayedProvision('2026-05-04', '2026-05-06')).toMatchObject({ days: 2, cents: 1292 });
    expect(ukOfcomDelayedProvision('2026-05-04', '2026-05-04')).toMatchObject({ days: 0, cents: 0 });
  });
});
