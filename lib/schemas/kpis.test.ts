import { describe, expect, it } from 'vitest';
import { kpiQuerySchema } from './kpis';

describe('kpiQuerySchema', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-02-30', false],
    ['2024-13-01', false],
    ['2024-1-01', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
  ])('accepts %s as a date: %s', (value, ok) => {
    expect(kpiQuerySchema.safeParse({ from: value, to: value }).success).toBe(ok);
  });

  it('treats empty filters as absent and lower-cases the rep email', () => {
    expect(kpiQuerySchema.parse({ from: '2024-01-01', to: '2024-01-01', region: '', rep: ' Ana@T.test ' })).toEqual({
      from: '2024-01-01',
      to: '2024-01-01',
      rep: 'ana@t.test',
    });
  });

  it('accepts a one-day period and refuses an inverted one', () => {
    expect(kpiQuerySchema.safeParse({ from: '2024-03-31', to: '2024-03-31' }).success).toBe(true);
    expect(kpiQuerySchema.safeParse({ from: '2024-04-01', to: '2024-03-31' }).success).toBe(false);
  });
});
