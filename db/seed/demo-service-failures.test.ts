import { describe, expect, it } from 'vitest';
import { buildDemoData } from './demo-build';
import { buildServiceFailures } from './demo-service-failures';
import { ANCHOR } from './demo-time';

describe('demo appointments and orders', () => {
  it('are deterministic, hold the tables’ rules and include missed, late-cancelled and late-started ones', () => {
    const data = buildDemoData(ANCHOR);
    const first = buildServiceFailures(data.customers);
    expect(buildServiceFailures(data.customers)).toEqual(first);
    expect(first.appointments.length).toBeGreaterThan(10);
    for (const a of first.appointments) {
      expect(a.windowEnd).toBeGreaterThan(a.windowStart);
      expect(a.cancelledAt !== null).toBe(a.status === 'cancelled');
    }
    for (const o of first.orders) {
      expect(o.promisedOn >= o.orderedOn).toBe(true);
      if (o.startedOn !== null) expect(o.startedOn >= o.orderedOn).toBe(true);
    }
    expect(first.appointments.some((a) => a.status === 'missed')).toBe(true);
    expect(first.appointments.some((a) => a.cancelledAt !== null && a.windowStart - a.cancelledAt < 86_400_000)).toBe(
      true,
    );
    expect(first.orders.some((o) => o.startedOn === null || o.startedOn > o.promisedOn)).toBe(true);
  }, 60_000);
});
