import { describe, expect, it } from 'vitest';
import { isValidTimeZone, localDate, zonedIso, zonedMidnight } from './zoned-time';

const iso = (d: Date) => d.toISOString();

describe('zonedMidnight', () => {
  it('is the first instant of the day in Europe/Madrid, on ordinary and daylight-saving days', () => {
    expect(iso(zonedMidnight(2024, 1, 15, 'Europe/Madrid'))).toBe('2024-01-14T23:00:00.000Z');
    expect(iso(zonedMidnight(2024, 7, 15, 'Europe/Madrid'))).toBe('2024-07-14T22:00:00.000Z');
    expect(iso(zonedMidnight(2024, 3, 31, 'Europe/Madrid'))).toBe('2024-03-30T23:00:00.000Z');
    expect(iso(zonedMidnight(2024, 4, 1, 'Europe/Madrid'))).toBe('2024-03-31T22:00:00.000Z');
    expect(iso(zonedMidnight(2024, 10, 27, 'Europe/Madrid'))).toBe('2024-10-26T22:00:00.000Z');
    expect(iso(zonedMidnight(2024, 10, 28, 'Europe/Madrid'))).toBe('2024-10-27T23:00:00.000Z');
  });

  it('handles zones west of UTC and a day whose midnight does not exist', () => {
    expect(iso(zonedMidnight(2024, 3, 10, 'America/New_York'))).toBe('2024-03-10T05:00:00.000Z');
    expect(iso(zonedMidnight(2024, 11, 3, 'America/New_York'))).toBe('2024-11-03T04:00:00.000Z');
    // Santiago springs forward at 00:00: the day starts at 01:00 -03.
    expect(iso(zonedMidnight(2024, 9, 8, 'America/Santiago'))).toBe('2024-09-08T04:00:00.000Z');
    expect(iso(zonedMidnight(2024, 1, 1, 'UTC'))).toBe('2024-01-01T00:00:00.000Z');
  });
});

describe('localDate and isValidTimeZone', () => {
  it('gives the calendar date of an instant in a zone', () => {
    expect(localDate(Date.parse('2024-03-30T23:00:00Z'), 'Europe/Madrid')).toBe('2024-03-31');
    expect(localDate(Date.parse('2024-03-30T22:59:59Z'), 'Europe/Madrid')).toBe('2024-03-30');
  });

  it('tells known zones from unknown ones', () => {
    expect(isValidTimeZone('Europe/Madrid')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('zonedIso', () => {
  it('writes the wall time with the offset in force, and milliseconds only when any', () => {
    expect(zonedIso(new Date('2024-05-03T14:00:00.250Z'), 'Europe/Madrid')).toBe('2024-05-03T16:00:00.250+02:00');
    expect(zonedIso(new Date('2024-01-15T23:30:00Z'), 'Europe/Madrid')).toBe('2024-01-16T00:30:00+01:00');
    expect(zonedIso(new Date('2024-07-01T12:00:00Z'), 'America/St_Johns')).toBe('2024-07-01T09:30:00-02:30');
  });
});
