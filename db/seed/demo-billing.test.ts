import { describe, expect, it } from 'vitest';
import { servicesOf } from './demo-billing';

describe('demo services', () => {
  it('add up to the monthly fee exactly', () => {
    for (const [customer, fee] of [
      [0, 4999],
      [1, 2000],
      [2, 1999],
      [3, 7333],
      [6, 12345],
    ] as const) {
      const s = servicesOf(customer, fee);
      const sum = (s.internetFeeCents ?? 0) + (s.landlineFeeCents ?? 0) + (s.mobileFeeCents ?? 0) + (s.tvFeeCents ?? 0);
      expect(sum).toBe(fee);
    }
    expect(servicesOf(2, 1999)).toMatchObject({ internetFeeCents: 1999, landlineFeeCents: null });
    expect(servicesOf(3, 10000)).toMatchObject({
      internetFeeCents: 5000,
      landlineFeeCents: 2000,
      tvFeeCents: 1200,
      mobileFeeCents: 1800,
    });
  });
});
