import { describe, expect, it } from 'vitest';
import { customerCompensation } from './evaluate';
import { spainRd899 } from './spain-rd899';
import type { CustomerFacts, OutageFacts, PolicyAssignment } from './types';

/** Every amount below is worked by hand from RD 899/2009 art. 15–16 (720-hour month; Madrid is UTC+1 in January). */
const MADRID = 'Europe/Madrid';
const ES: PolicyAssignment = { regionCode: 'MAD', policy: 'es-rd899', effectiveFrom: '2026-01-01' };
const NO_EXTRAS = { multiplier: 1, floorCents: 0, minHours: 0 };

const outage = (start: string, end: string, o: Partial<OutageFacts> = {}): OutageFacts => ({
  startedAt: new Date(start),
  endedAt: new Date(end),
  forceMajeure: false,
  services: null,
  affectedSubscribers: 1000,
  ...o,
});

// Telephony 3,500 a month (landline 15.00, mobile 20.00); billed for it 48.00, 51.00, 54.00: average 51.00.
const bundle: CustomerFacts = {
  monthlyFeeCents: 7500,
  services: { internet: 3000, landline: 1500, mobile: 2000, tv: 1000 },
  previousBills: [
    { internet: 3000, landline: 1800, mobile: 3000, tv: 1000 },
    { internet: 3000, landline: 2100, mobile: 3000, tv: 1000 },
    { internet: 3000, landline: 2400, mobile: 3000, tv: 1000 },
  ],
};
const internetOnly = (fee: number): CustomerFacts => ({
  monthlyFeeCents: fee,
  services: { internet: fee },
  previousBills: [],
});
const legal = (c: CustomerFacts, o: OutageFacts) => spainRd899(c, o, '2009-05-31', MADRID);

describe('Spain, RD 899/2009', () => {
  it('a 7-hour daytime outage of everything: telephony the greater of (a) and (b), internet prorated, TV nothing', () => {
    // 09:00–16:00 Madrid. (a) 5,100 × 7/720 = 49.5833; (b) 5 × 3,500 × 7/720 = 170.1389 → 170.1389.
    // Internet: 7 h in the window > 6 h → 3,000 × 7/720 = 29.1667. Sum 199.3056 → 199 cents.
    const e = legal(bundle, outage('2026-01-20T08:00:00Z', '2026-01-20T15:00:00Z'));
    expect(e.exactCents).toBeCloseTo(199.3056, 3);
    expect(e).toMatchObject({
      legalCents: 199,
      automatic: true,
      inputs: { averageBilledCents: 5100, billedMonths: 3 },
    });
    expect(e.arithmetic.join('\n')).toContain('TV is not covered');
  });

  it('the average billed wins when it is above five times the fee; fewer months average over those billed', () => {
    const heavy: CustomerFacts = {
      monthlyFeeCents: 1000,
      services: { landline: 1000 },
      previousBills: [{ landline: 20000 }, { landline: 40000 }],
    };
    // 72 h: (a) 30,000 × 72/720 = 3,000; (b) 5 × 1,000 × 72/720 = 500.
    const e = legal(heavy, outage('2026-01-20T00:00:00Z', '2026-01-23T00:00:00Z'));
    expect(e).toMatchObject({ legalCents: 3000, inputs: { billedMonths: 2, averageBilledCents: 30000 } });
  });

  describe('internet: more than 6 hours between 08:00 and 22:00', () => {
    it('exactly 6 hours inside the window is not more than 6: nothing', () => {
      // 10:00–16:00 Madrid.
      expect(legal(internetOnly(30000), outage('2026-01-20T09:00:00Z', '2026-01-20T15:00:00Z')).legalCents).toBe(0);
    });

    it('6 hours and one second inside the window: the fee prorated by the whole duration', () => {
      // 30,000 × 21,601 s / 2,592,000 s = 250.0116 → 250.
      const e = legal(internetOnly(30000), outage('2026-01-20T09:00:00Z', '2026-01-20T15:00:01Z'));
      expect(e).toMatchObject({ legalCents: 250, automatic: true });
    });

    it('10 hours overnight (22:00–08:00) are all outside the window: nothing', () => {
      const e = legal(internetOnly(30000), outage('2026-01-20T21:00:00Z', '2026-01-21T07:00:00Z'));
      expect(e).toMatchObject({ legalCents: 0, inputs: { hoursBetween08and22: 0 } });
    });

    it('14 hours from 19:00 to 09:00 have only 4 in the window: nothing', () => {
      const e = legal(internetOnly(30000), outage('2026-01-20T18:00:00Z', '2026-01-21T08:00:00Z'));
      expect(e).toMatchObject({ legalCents: 0, inputs: { hoursBetween08and22: 4 } });
    });

    it('18:00 to 11:00 the next day: 4 + 3 = 7 hours in the window, so all 17 hours are prorated', () => {
      // 30,000 × 17/720 = 708.33 → 708.
      const e = legal(internetOnly(30000), outage('2026-01-20T17:00:00Z', '2026-01-21T10:00:00Z'));
      expect(e).toMatchObject({ legalCents: 708, inputs: { hoursBetween08and22: 7 } });
    });

    it('the window follows summer time: 10:00–16:00 CEST is 08:00–14:00 UTC', () => {
      expect(legal(internetOnly(30000), outage('2026-07-01T08:00:00Z', '2026-07-01T14:00:00Z')).legalCents).toBe(0);
      expect(legal(internetOnly(30000), outage('2026-07-01T08:00:00Z', '2026-07-01T14:00:01Z')).legalCents).toBe(250);
    });
  });

  describe('credited automatically only above €1', () => {
    // 7 h 12 min in the window (09:00–16:12): fee × 7.2 / 720 = fee / 100.
    const span = outage('2026-01-20T08:00:00Z', '2026-01-20T15:12:00Z');
    it('exactly 1.00 is not above: owed on claim, not credited', () => {
      const c = customerCompensation(internetOnly(10000), span, ES, NO_EXTRAS);
      expect(c.explanation).toMatchObject({ legalCents: 100, automatic: false });
      expect(c.owedCents).toBe(0);
    });
    it('1.01 is above: credited', () => {
      const c = customerCompensation(internetOnly(10100), span, ES, NO_EXTRAS);
      expect(c.explanation).toMatchObject({ legalCents: 101, automatic: true });
      expect(c.owedCents).toBe(101);
    });
    it('the operator’s floor still credits a customer whose legal amount is not automatic', () => {
      expect(customerCompensation(internetOnly(10000), span, ES, { ...NO_EXTRAS, floorCents: 200 }).owedCents).toBe(
        200,
      );
    });
  });

  it('force majeure: telephony gets its fees prorated only, not the average or five times', () => {
    const phones: CustomerFacts = { ...bundle, services: { landline: 1500, mobile: 2000 } };
    const span = ['2026-01-20T00:00:00Z', '2026-01-23T00:00:00Z'] as const;
    // 72 h. Normal: max(5,100 × 0.1, 17,500 × 0.1) = 1,750. Force majeure: 3,500 × 0.1 = 350.
    expect(legal(phones, outage(...span)).legalCents).toBe(1750);
    expect(legal(phones, outage(...span, { forceMajeure: true }))).toMatchObject({ legalCents: 350, automatic: true });
  });

  it('only the interrupted services count: TV is owed nothing by law; a customer without TV gets no floor either', () => {
    const o = outage('2026-01-20T08:00:00Z', '2026-01-20T15:00:00Z', { services: ['tv'] });
    const extras = { multiplier: 2, floorCents: 500, minHours: 0 };
    const withTv = customerCompensation(bundle, o, ES, extras);
    expect(withTv.explanation.legalCents).toBe(0);
    expect(withTv.owedCents).toBe(500);
    const withoutTv = customerCompensation(internetOnly(30000), o, ES, extras);
    expect(withoutTv.owedCents).toBe(0);
  });

  it('the operator’s multiplier works on the exact legal amount: 199.3056 × 1.5 = 298.96 → 299', () => {
    const c = customerCompensation(bundle, outage('2026-01-20T08:00:00Z', '2026-01-20T15:00:00Z'), ES, {
      multiplier: 1.5,
      floorCents: 0,
      minHours: 0,
    });
    expect(c.owedCents).toBe(299);
  });
});
