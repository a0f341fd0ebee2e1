import { describe, expect, it } from 'vitest';
import { formatCents, formatCount, formatRate, formatZonedInstant, formatsFor } from './format';

const instant = new Date('2026-03-05T13:07:00Z');

describe('formatting by language', () => {
  it('English keeps the en-GB forms', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCents(123456, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatRate(0.1234, 1, 'en')).toBe('12.3%');
    expect(formatZonedInstant(instant, 'Europe/Madrid', true, 'en')).toBe('2026-03-05 14:07');
  });

  it('Spanish groups with points, decimals with a comma, money after the number, dates day first', () => {
    const f = formatsFor('es');
    expect(f.count(1234)).toBe('1.234');
    expect(f.cents(123456, 'EUR')).toBe('1.234,56\u00a0€');
    expect(f.rate(0.1234)).toBe('12,3\u00a0%');
    expect(f.decimal(2.5)).toBe('2,5');
    expect(f.instant(instant, 'Europe/Madrid')).toBe('05/03/2026 14:07');
    expect(f.instant(instant, 'Europe/Madrid', false)).toBe('05/03/2026');
    expect(f.longInstant(instant, 'Europe/Madrid')).toBe('5 mar 2026, 14:07');
    expect(f.day('2026-03-05')).toBe('05/03/2026');
    expect(formatsFor('en').day('2026-03-05')).toBe('2026-03-05');
  });

  it('an empty ratio is a dash in every language', () => {
    expect(formatRate(null, 1, 'es')).toBe('—');
  });
});
