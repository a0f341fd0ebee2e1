import { describe, expect, it } from 'vitest';
import {
  cleanText,
  parseBoolean,
  parseDate,
  parseEmail,
  parseInstant,
  parseInteger,
  parseList,
  parseMoneyCents,
  parseVocabulary,
} from './cell-values';

const TZ = 'Europe/Madrid';
const instant = (v: string) => {
  const p = parseInstant(v, TZ);
  return p.ok ? p.value.toISOString() : `error: ${p.reason}`;
};

describe('parseInstant', () => {
  it('reads YYYY-MM-DD as midnight in the report zone, DST-aware', () => {
    expect(instant('2024-03-31')).toBe('2024-03-30T23:00:00.000Z');
    expect(instant('2024-10-27')).toBe('2024-10-26T22:00:00.000Z');
  });

  it('reads ISO 8601 with an offset or Z, with optional seconds and fractions', () => {
    expect(instant('2024-05-03T16:00:00+02:00')).toBe('2024-05-03T14:00:00.000Z');
    expect(instant('2022-08-26T07:56:07-05:00')).toBe('2022-08-26T12:56:07.000Z');
    expect(instant('2024-05-03T16:00:00Z')).toBe('2024-05-03T16:00:00.000Z');
    expect(instant('2024-05-03T16:00Z')).toBe('2024-05-03T16:00:00.000Z');
    expect(instant('2024-05-03T16:00:00.123456+0530')).toBe('2024-05-03T10:30:00.123Z');
  });

  it('refuses other shapes with a reason', () => {
    expect(instant('03/05/2024')).toMatch(/^error: not a date; use YYYY-MM-DD/);
    expect(instant('2024-02-30')).toMatch(/^error: not a calendar date/);
    expect(instant('0224-01-01')).toMatch(/^error: not a calendar date between 1900 and 2999/);
    expect(instant('2024-05-03T16:00:00')).toMatch(/^error: a date-time needs a UTC offset/);
    expect(instant('2024-05-03T25:00:00Z')).toMatch(/^error: not a valid date and time/);
    expect(instant('2024-05-03T16:00:00+25:00')).toMatch(/^error: not a valid UTC offset/);
  });
});

describe('parseDate', () => {
  it('keeps YYYY-MM-DD and turns a date-time into its date in the zone', () => {
    expect(parseDate('2024-05-03', TZ)).toEqual({ ok: true, value: '2024-05-03' });
    expect(parseDate('2024-05-03T23:30:00Z', TZ)).toEqual({ ok: true, value: '2024-05-04' });
  });
});

describe('parseMoneyCents', () => {
  it('turns decimals into integer cents without floating-point rounding', () => {
    expect(parseMoneyCents('49.90')).toEqual({ ok: true, value: 4990 });
    expect(parseMoneyCents('0.29')).toEqual({ ok: true, value: 29 });
    expect(parseMoneyCents('1.1')).toEqual({ ok: true, value: 110 });
    expect(parseMoneyCents('12')).toEqual({ ok: true, value: 1200 });
    expect(parseMoneyCents('-0.50')).toEqual({ ok: true, value: -50 });
    expect(parseMoneyCents('90071992547409.91')).toEqual({ ok: true, value: 9007199254740991 });
  });

  it('refuses 3 decimals, a comma, and anything else', () => {
    expect(parseMoneyCents('49.901')).toEqual({ ok: false, reason: 'at most 2 decimal places' });
    const reason = (v: string) => {
      const parsed = parseMoneyCents(v);
      return parsed.ok ? 'accepted' : parsed.reason;
    };
    expect(reason('49,90')).toMatch(/decimal separator/);
    expect(reason('1,234.50')).toMatch(/thousands separators/);
    expect(parseMoneyCents('€5')).toMatchObject({ ok: false });
    expect(parseMoneyCents('1e3')).toMatchObject({ ok: false });
    expect(parseMoneyCents('.5')).toMatchObject({ ok: false });
    expect(parseMoneyCents('99999999999999999.00')).toEqual({ ok: false, reason: 'amount too large' });
  });
});

describe('other cells', () => {
  it('reads booleans in three spellings', () => {
    for (const v of ['true', 'TRUE', 'yes', '1']) expect(parseBoolean(v)).toEqual({ ok: true, value: true });
    for (const v of ['false', 'No', '0']) expect(parseBoolean(v)).toEqual({ ok: true, value: false });
    expect(parseBoolean('maybe')).toMatchObject({ ok: false });
  });

  it('reads integers, emails, vocabularies and lists', () => {
    expect(parseInteger('15')).toEqual({ ok: true, value: 15 });
    expect(parseInteger('1.5')).toMatchObject({ ok: false });
    expect(parseInteger('99999999999')).toMatchObject({ ok: false });
    expect(parseEmail('Ana@Example.COM')).toEqual({ ok: true, value: 'ana@example.com' });
    expect(parseEmail('ana')).toMatchObject({ ok: false });
    expect(parseVocabulary('Saved', ['saved', 'churned'] as const)).toEqual({ ok: true, value: 'saved' });
    expect(parseVocabulary('won', ['saved', 'churned'] as const)).toEqual({
      ok: false,
      reason: 'must be one of: saved, churned',
    });
    expect(parseList(' MAD; CAT;;MAD ')).toEqual(['MAD', 'CAT']);
  });

  it('trims text, maps empty to null and strips only the exporter’s formula guard', () => {
    expect(cleanText('  ')).toBeNull();
    expect(cleanText(' Ana ')).toBe('Ana');
    for (const c of ['=', '+', '-', '@', '\t', '\r']) expect(cleanText(`'${c}x`)).toBe(`${c}x`);
    expect(cleanText("'hello")).toBe("'hello");
    expect(cleanText("''=x")).toBe("'=x");
  });
});
