import { describe, expect, it } from 'vitest';
import { nextDueAt, zonedHour } from './cadence';
import { resolveSchedulePeriod } from './period';

const MADRID = 'Europe/Madrid';
const NEW_YORK = 'America/New_York';
const iso = (d: Date) => d.toISOString();

describe('zonedHour', () => {
  it('is the wall-clock hour in winter and summer', () => {
    expect(iso(zonedHour('2026-01-15', 6, MADRID))).toBe('2026-01-15T05:00:00.000Z');
    expect(iso(zonedHour('2026-07-15', 6, MADRID))).toBe('2026-07-15T04:00:00.000Z');
  });

  it('runs an hour that the spring-forward gap skips when the clocks resume', () => {
    // Madrid, 29 March 2026: 02:00 CET becomes 03:00 CEST.
    expect(iso(zonedHour('2026-03-29', 2, MADRID))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(zonedHour('2026-03-29', 3, MADRID))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(zonedHour('2026-03-29', 1, MADRID))).toBe('2026-03-29T00:00:00.000Z');
    // New York, 8 March 2026: 02:00 EST becomes 03:00 EDT.
    expect(iso(zonedHour('2026-03-08', 2, NEW_YORK))).toBe('2026-03-08T07:00:00.000Z');
  });

  it('runs an hour that happens twice (fall back) the first time', () => {
    // Madrid, 25 October 2026: 03:00 CEST becomes 02:00 CET, so 02:00–03:00 happens twice.
    expect(iso(zonedHour('2026-10-25', 2, MADRID))).toBe('2026-10-25T00:00:00.000Z');
    expect(iso(zonedHour('2026-10-25', 3, MADRID))).toBe('2026-10-25T02:00:00.000Z');
    // New York, 1 November 2026: 01:00–02:00 happens twice.
    expect(iso(zonedHour('2026-11-01', 1, NEW_YORK))).toBe('2026-11-01T05:00:00.000Z');
  });
});

describe('nextDueAt', () => {
  const daily = (hour: number) => ({ cadence: 'daily' as const, hour, weekday: null, dayOfMonth: null });

  it('is later today when the hour is still ahead, else tomorrow', () => {
    expect(iso(nextDueAt(daily(6), new Date('2026-01-15T04:59:00Z'), MADRID))).toBe('2026-01-15T05:00:00.000Z');
    expect(iso(nextDueAt(daily(6), new Date('2026-01-15T05:00:00Z'), MADRID))).toBe('2026-01-16T05:00:00.000Z');
  });

  it('keeps the wall-clock hour across both DST changes (23 and 25 hours apart)', () => {
    const before = nextDueAt(daily(6), new Date('2026-03-28T06:00:00Z'), MADRID);
    const after = nextDueAt(daily(6), before, MADRID);
    expect(iso(before)).toBe('2026-03-29T04:00:00.000Z');
    expect(after.getTime() - before.getTime()).toBe(24 * 3_600_000);
    const sat = new Date('2026-03-28T05:00:00Z');
    expect(nextDueAt(daily(6), sat, MADRID).getTime() - sat.getTime()).toBe(23 * 3_600_000);
    const octSat = new Date('2026-10-24T04:00:00Z');
    expect(nextDueAt(daily(6), octSat, MADRID).getTime() - octSat.getTime()).toBe(25 * 3_600_000);
  });

  it('runs once on the night an hour happens twice, and once on the night it is skipped', () => {
    let at = new Date('2026-10-24T12:00:00Z');
    const runs: string[] = [];
    while (at < new Date('2026-10-27T00:00:00Z')) {
      at = nextDueAt(daily(2), at, MADRID);
      runs.push(iso(at));
    }
    expect(runs.slice(0, 3)).toEqual(['2026-10-25T00:00:00.000Z', '2026-10-26T01:00:00.000Z', '2026-10-27T01:00:00.000Z']);
    at = new Date('2026-03-28T12:00:00Z');
    const spring = [nextDueAt(daily(2), at, MADRID)];
    spring.push(nextDueAt(daily(2), spring[0] ?? at, MADRID));
    expect(spring.map(iso)).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-30T00:00:00.000Z']);
  });

  it('weekly on the weekday, monthly on the day, at the hour of the zone', () => {
    const monday = { cadence: 'weekly' as const, hour: 7, weekday: 1, dayOfMonth: null };
    // 2026-11-30 is a Monday; 07:00 CET is 06:00Z.
    expect(iso(nextDueAt(monday, new Date('2026-11-30T06:00:00Z'), MADRID))).toBe('2026-12-07T06:00:00.000Z');
    expect(iso(nextDueAt(monday, new Date('2026-11-30T05:59:59Z'), MADRID))).toBe('2026-11-30T06:00:00.000Z');
    const monthly = { cadence: 'monthly' as const, hour: 0, weekday: null, dayOfMonth: 1 };
    // Midnight of 1 April in Madrid is still 31 March in UTC.
    expect(iso(nextDueAt(monthly, new Date('2026-03-15T00:00:00Z'), MADRID))).toBe('2026-03-31T22:00:00.000Z');
    const the28th = { cadence: 'monthly' as const, hour: 23, weekday: null, dayOfMonth: 28 };
    expect(iso(nextDueAt(the28th, new Date('2026-02-28T22:00:00Z'), MADRID))).toBe('2026-03-28T22:00:00.000Z');
  });
});

describe('resolveSchedulePeriod', () => {
  it('is relative to the due day in the zone, not in UTC', () => {
    // 00:30 on 1 April in Madrid is 31 March 22:30 UTC.
    const due = new Date('2026-03-31T22:30:00Z');
    expect(resolveSchedulePeriod('yesterday', due, MADRID)).toEqual({ from: '2026-03-31', to: '2026-03-31' });
    expect(resolveSchedulePeriod('last_month', due, MADRID)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(resolveSchedulePeriod('month_to_date', due, MADRID)).toEqual({ from: '2026-04-01', to: '2026-04-01' });
    expect(resolveSchedulePeriod('last_7_days', due, MADRID)).toEqual({ from: '2026-03-25', to: '2026-03-31' });
    expect(resolveSchedulePeriod('last_30_days', due, MADRID)).toEqual({ from: '2026-03-02', to: '2026-03-31' });
  });
});
