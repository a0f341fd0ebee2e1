import { describe, expect, it } from 'vitest';
import { CUSTOMER_COUNT, demoPhone } from './demo-customers';

describe('demo phones', () => {
  it('gives nine customers in ten a distinct Spanish mobile, the same on every run', () => {
    const phones = Array.from({ length: CUSTOMER_COUNT }, (_, i) => demoPhone(i));
    const present = phones.filter((p): p is string => p !== null);
    expect(present).toHaveLength(CUSTOMER_COUNT * 0.9);
    expect(new Set(present).size).toBe(present.length);
    expect(present.every((p) => /^\+346\d{8}$/.test(p))).toBe(true);
    expect(demoPhone(0)).toBe('+34601234567');
    expect(demoPhone(9)).toBeNull();
  });
});
