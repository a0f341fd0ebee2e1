import { describe, expect, it } from 'vitest';
import { parsePhone, phoneDigits } from './phone';

describe('parsePhone', () => {
  it('normalises international numbers to E.164', () => {
    expect(parsePhone('+34 612 345 678')).toEqual({ ok: true, value: '+34612345678' });
    expect(parsePhone('0034-612-345-678')).toEqual({ ok: true, value: '+34612345678' });
    expect(parsePhone('+44 (20) 7946.0018')).toEqual({ ok: true, value: '+442079460018' });
  });
  it('refuses national numbers, letters, too few or too many digits, and a leading 0 after +', () => {
    expect(parsePhone('612345678')).toEqual({
      ok: false,
      reason: 'needs its country code: + and 8 to 15 digits, e.g. +34 612 345 678',
    });
    expect(parsePhone('+34 6123 CALL')).toEqual({
      ok: false,
      reason: 'is not a phone number: + and 8 to 15 digits, e.g. +34 612 345 678',
    });
    expect(parsePhone('+3461234')).toMatchObject({ ok: false });
    expect(parsePhone('+3461234567890123')).toMatchObject({ ok: false });
    expect(parsePhone('+0612345678')).toMatchObject({ ok: false });
  });
});

describe('phoneDigits', () => {
  it('takes the digits of a number-like search of 4 or more digits, else null', () => {
    expect(phoneDigits('612 34')).toBe('61234');
    expect(phoneDigits('+34-612')).toBe('34612');
    expect(phoneDigits('123')).toBeNull();
    expect(phoneDigits('ACC-1234')).toBeNull();
  });
});
