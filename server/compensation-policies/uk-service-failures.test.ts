import { describe, expect, it } from 'vitest';
import { delayedStartCredit, missedAppointmentCredit, type AppointmentFacts } from './uk-service-failures';

/** By hand from Ofcom's scheme and the dated amounts of uk-ofcom-rates.ts. */
const appointment = (over: Partial<AppointmentFacts>): AppointmentFacts => ({
  ref: 'EA-1',
  service: 'internet',
  // Tuesday 5 May 2026, 08:00–13:00 BST (07:00–12:00 UTC): the April 2026 amounts, £32.31.
  windowStart: new Date('2026-05-05T07:00:00Z'),
  windowEnd: new Date('2026-05-05T12:00:00Z'),
  status: 'missed',
  cancelledAt: null,
  ...over,
});

describe('missed appointment', () => {
  it('a missed appointment is the fixed amount in force on its day: 32.31 from April 2026, 31.19 before', () => {
    expect(missedAppointmentCredit(appointment({}))).toMatchObject({ legalCents: 3231, version: '2026-04-01' });
    const march = appointment({
      windowStart: new Date('2026-03-31T08:00:00Z'),
      windowEnd: new Date('2026-03-31T12:00:00Z'),
    });
    expect(missedAppointmentCredit(march)).toMatchObject({ legalCents: 3119, version: '2025-04-01' });
  });

  it('cancelled 23 h 59 min before the window is missed; exactly 24 h before is in time', () => {
    const late = appointment({ status: 'cancelled', cancelledAt: new Date('2026-05-04T07:01:00Z') });
    expect(missedAppointmentCredit(late).legalCents).toBe(3231);
    const inTime = appointment({ status: 'cancelled', cancelledAt: new Date('2026-05-04T07:00:00Z') });
    expect(missedAppointmentCredit(inTime)).toMatchObject({ legalCents: 0, inputs: { noticeHours: 24 } });
  });

  it('kept, still scheduled, or for mobile or TV: nothing', () => {
    expect(missedAppointmentCredit(appointment({ status: 'kept' })).legalCents).toBe(0);
    expect(missedAppointmentCredit(appointment({ status: 'scheduled' })).legalCents).toBe(0);
    expect(missedAppointmentCredit(appointment({ service: 'tv' })).legalCents).toBe(0);
    expect(missedAppointmentCredit(appointment({ service: 'landline' })).legalCents).toBe(3231);
  });
});

describe('delayed start', () => {
  const order = { ref: 'SO-1', service: 'landline' as const, promisedOn: '2026-05-04' };

  it('started two days late: the promised day and the next, 2 × 6.46 = 12.92', () => {
    expect(delayedStartCredit({ ...order, startedOn: '2026-05-06' }, '2026-06-01')).toMatchObject({
      days: 2,
      legalCents: 1292,
      final: true,
    });
  });

  it('started on the promised day, or earlier: nothing', () => {
    expect(delayedStartCredit({ ...order, startedOn: '2026-05-04' }, '2026-06-01').legalCents).toBe(0);
    expect(delayedStartCredit({ ...order, startedOn: '2026-05-02' }, '2026-06-01').legalCents).toBe(0);
  });

  it('not started yet: the days before today so far, not final; on the promised day itself nothing yet', () => {
    // Promised Monday 4 May, today Thursday 7 May: 4, 5 and 6 May = 3 × 6.46 = 19.38.
    expect(delayedStartCredit({ ...order, startedOn: null }, '2026-05-07')).toMatchObject({
      days: 3,
      legalCents: 1938,
      final: false,
    });
    expect(delayedStartCredit({ ...order, startedOn: null }, '2026-05-04').legalCents).toBe(0);
  });

  it('the daily amount is the promised day’s: promised 31 March 2026, started 2 April = 2 × 6.24', () => {
    expect(
      delayedStartCredit({ ...order, promisedOn: '2026-03-31', startedOn: '2026-04-02' }, '2026-06-01'),
    ).toMatchObject({ legalCents: 1248, version: '2025-04-01' });
  });

  it('mobile and TV are not covered', () => {
    expect(delayedStartCredit({ ...order, service: 'mobile', startedOn: '2026-05-09' }, '2026-06-01').legalCents).toBe(
      0,
    );
  });
});
