import { describe, expect, it } from 'vitest';
import { isCalendarDate, periodDays, presetPeriod, previousPeriod, todayIn } from './periods';

describe('presetPeriod', () => {
  const today = '2024-05-17';
  it.each([
    ['this_month', '2024-05-01', '2024-05-17'],
    ['last_month', '2024-04-01', '2024-04-30'],
    ['last_30_days', '2024-04-18', '2024-05-17'],
    ['last_90_days', '2024-02-18', '2024-05-17'],
    ['quarter_to_date', '2024-04-01', '2024-05-17'],
    ['year_to_date', '2024-01-01', '2024-05-17'],
  ] as const)('%s', (preset, from, to) => {
    expect(presetPeriod(preset, today)).toEqual({ from, to });
  });

  it('last month across a year boundary', () => {
    expect(presetPeriod('last_month', '2024-01-10')).toEqual({ from: '2023-12-01', to: '2023-12-31' });
  });
});

describe('previousPeriod', () => {
  it('is the period of equal length that ends where the period starts', () => {
    expect(previousPeriod({ from: '2024-01-01', to: '2024-03-31' })).toEqual({ from: '2023-10-02', to: '2023-12-31' });
    expect(periodDays({ from: '2024-01-01', to: '2024-03-31' })).toBe(91);
    expect(previousPeriod({ from: '2024-03-31', to: '2024-03-31' })).toEqual({ from: '2024-03-30', to: '2024-03-30' });
  });
});

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-30')).toBe(false);
    expect(isCalendarDate('2024-2-3')).toBe(false);
  });

  it('takes today in the reporting zone, not UTC', () => {
    expect(todayIn('Europe/Madrid', new Date('2024-03-30T23:30:00Z'))).toBe('2024-03-31');
    expect(todayIn('UTC', new Date('2024-03-30T23:30:00Z'))).toBe('2024-03-30');
  });
});
