import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { outageEffect } from './outage-effect';
import { testRows } from '@/test/factories/metric-rows';

/**
 * The 30 days (720 h) after each outage started in P: disputes per 1,000 customers and churn,
 * affected customers against everyone else active at the start. Every figure is counted by hand.
 */
let t: TestDb;
const MARCH = { from: '2026-03-01', to: '2026-03-31', tz: 'Europe/Madrid' };
const NOW = new Date('2026-06-01T00:00:00Z');

beforeAll(async () => {
  t = await createTestDb();
  const r = testRows(t.db);
  await r.region('MAD');
  await r.region('VAL');
  const customer = (region: string, postcode: string, extra: { churned?: string; activated?: string } = {}) =>
    r.customer({ region, postcode, activated: extra.activated ?? '2025-01-01T00:00:00Z', churned: extra.churned });
  const dispute = (customerId: number, opened: string) => r.dispute({ customerId, opened, status: 'open' });

  // O1: 2026-03-10 10:00Z, MAD, postcode 28001 only; its window ends 2026-04-09 10:00Z.
  await r.outage({ started: '2026-03-10T10:00:00Z', regions: ['MAD'], postcodes: ['28001'] });
  // O2: February, outside the period.
  await r.outage({ started: '2026-02-15T10:00:00Z', regions: ['VAL'] });
  // O3: 2026-03-20 10:00Z, all of VAL; its window ends 2026-04-19 10:00Z.
  await r.outage({ started: '2026-03-20T10:00:00Z', regions: ['VAL'] });

  const m1 = await customer('MAD', '28001');
  await dispute(m1, '2026-03-10T11:00:00Z'); // O1 window
  await dispute(m1, '2026-04-08T10:00:00Z'); // O1 window (29 days), O3 window
  const m2 = await customer('MAD', '28001');
  await dispute(m2, '2026-04-10T10:00:00Z'); // after O1's 30 days; O3 window
  await customer('MAD', '28001', { churned: '2026-03-15T10:00:00Z' }); // m3: churns in O1's window, gone before O3
  await customer('MAD', '28001', { churned: '2026-04-09T11:00:00Z' }); // m4: an hour after O1's window; in O3's
  const m5 = await customer('MAD', '28002');
  await dispute(m5, '2026-03-12T10:00:00Z'); // O1 window (not affected by O1: other postcode)
  const v1 = await customer('VAL', '46001');
  await dispute(v1, '2026-03-10T09:00:00Z'); // before both
  const v2 = await customer('VAL', '46001');
  await dispute(v2, '2026-03-20T10:00:00Z'); // O1 window, and exactly at O3's start
  await customer('VAL', '46001', { churned: '2026-03-30T10:00:00Z' }); // v3: both windows
  await customer('VAL', '46002'); // v4: nothing happens
  await customer('MAD', '28001', { churned: '2026-03-01T00:00:00Z' }); // x1: gone before both
  const x2 = await customer('MAD', '28001', { activated: '2026-03-11T00:00:00Z' }); // x2: joined after O1, before O3
  await dispute(x2, '2026-03-12T10:00:00Z');
});
afterAll(async () => {
  await t?.close();
});

describe('outage effect on customers', () => {
  it('per outage, affected against everyone else active at the start', async () => {
    const effect = await outageEffect(t.db, { period: MARCH, region: null, now: NOW });
    expect(effect.byOutage.map((o) => o.ref)).toEqual(['OUT-3', 'OUT-1']);
    const [o3, o1] = effect.byOutage;
    // O1: affected m1..m4 (disputes m1 ×2, churn m3); others m5, v1..v4 (disputes m5, v2; churn v3).
    expect(o1).toMatchObject({
      windowOpen: false,
      affected: { customers: 4, disputes: 2, disputesPer1000: 500, churned: 1, churnRate: 0.25 },
      others: { customers: 5, disputes: 2, disputesPer1000: 400, churned: 1, churnRate: 0.2 },
    });
    // O3: affected v1..v4 (dispute v2, churn v3); others m1, m2, m4, m5, x2 (disputes m1, m2; churn m4).
    expect(o3).toMatchObject({
      affected: { customers: 4, disputes: 1, disputesPer1000: 250, churned: 1, churnRate: 0.25 },
      others: { customers: 5, disputes: 2, disputesPer1000: 400, churned: 1, churnRate: 0.2 },
    });
  });

  it('pools the outages’ customer windows', async () => {
    const effect = await outageEffect(t.db, { period: MARCH, region: null, now: NOW });
    expect(effect).toMatchObject({
      outages: 2,
      windowsOpen: 0,
      affected: { customers: 8, disputes: 3, disputesPer1000: 375, churned: 2, churnRate: 0.25 },
      others: { customers: 10, disputes: 4, disputesPer1000: 400, churned: 2, churnRate: 0.2 },
    });
  });

  it('respects the region filter: outages affecting it, and only its customers', async () => {
    const mad = await outageEffect(t.db, { period: MARCH, region: 'MAD', now: NOW });
    expect(mad).toMatchObject({
      outages: 1,
      affected: { customers: 4, disputes: 2, churned: 1 },
      others: { customers: 1, disputes: 1, disputesPer1000: 1000, churned: 0, churnRate: 0 },
    });
    const val = await outageEffect(t.db, { period: MARCH, region: 'VAL', now: NOW });
    expect(val).toMatchObject({
      outages: 1,
      affected: { customers: 4, disputes: 1, churned: 1 },
      others: { customers: 0, disputes: 0, disputesPer1000: null, churned: 0, churnRate: null },
    });
  });

  it('says which windows are still running, and is empty for a period without outages', async () => {
    const early = await outageEffect(t.db, { period: MARCH, region: null, now: new Date('2026-04-15T00:00:00Z') });
    expect(early.windowsOpen).toBe(1);
    expect(early.byOutage.map((o) => o.windowOpen)).toEqual([true, false]);
    const none = await outageEffect(t.db, {
      period: { ...MARCH, from: '2026-01-01', to: '2026-01-31' },
      region: null,
      now: NOW,
    });
    expect(none).toMatchObject({ outages: 0, affected: { customers: 0, disputesPer1000: null, churnRate: null } });
  });
});
