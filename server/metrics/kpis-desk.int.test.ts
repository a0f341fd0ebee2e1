import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { compensationFigures } from './compensation';
import { disputeFigures } from './disputes';
import { retentionFigures } from './retention';
import { testRows } from '@/test/factories/metric-rows';

const june = { from: '2024-06-01', to: '2024-06-30', tz: 'Europe/Madrid' };

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  await rows.region('RET');
  const ana = await rows.user('ana@t.test', 'rep', 'RET');
  const bea = await rows.user('bea@t.test', 'rep', 'RET');
  const x = await rows.customer({ region: 'RET', activated: '2023-01-01T00:00:00Z' });

  const k1 = await rows.retentionCase({
    customerId: x,
    repId: ana,
    opened: '2024-05-20T10:00:00Z',
    outcome: 'saved',
    closed: '2024-06-05T10:00:00Z',
    offerType: 'discount',
    mrr: 5000,
    discount: 1000,
  });
  await rows.retentionCase({
    customerId: x,
    repId: ana,
    opened: '2024-05-20T10:00:00Z',
    outcome: 'saved',
    closed: '2024-06-06T10:00:00Z',
    offerType: 'none',
    mrr: 3000,
  });
  const k3 = await rows.retentionCase({
    customerId: x,
    repId: bea,
    opened: '2024-05-21T10:00:00Z',
    outcome: 'churned',
    closed: '2024-06-07T10:00:00Z',
    offerType: 'discount',
    mrr: 2000,
  });
  await rows.retentionCase({ customerId: x, repId: bea, opened: '2024-06-08T10:00:00Z', outcome: 'pending' });
  const k5 = await rows.retentionCase({
    customerId: x,
    repId: ana,
    opened: '2024-06-20T10:00:00Z',
    outcome: 'saved',
    closed: '2024-07-01T10:00:00Z',
    mrr: 9000,
  });
  // Offer cost counts by the case's closing date, whenever the compensation was issued.
  await rows.compensation({
    customerId: x,
    kind: 'retention_offer',
    amount: 3,
    issued: '2024-05-25T10:00:00Z',
    issuedById: ana,
    retentionCaseId: k1,
  });
  await rows.compensation({
    customerId: x,
    kind: 'retention_offer',
    amount: 2,
    issued: '2024-05-26T10:00:00Z',
    issuedById: bea,
    retentionCaseId: k3,
  });
  await rows.compensation({
    customerId: x,
    kind: 'retention_offer',
    amount: 1000,
    issued: '2024-07-01T10:00:00Z',
    issuedById: ana,
    retentionCaseId: k5,
  });
  await rows.compensation({
    customerId: x,
    kind: 'goodwill',
    amount: 500,
    issued: '2024-06-10T10:00:00Z',
    issuedById: ana,
  });
  await rows.compensation({ customerId: x, kind: 'outage_credit', amount: 100, issued: '2024-06-11T10:00:00Z' });
  await rows.compensation({ customerId: x, kind: 'outage_credit', amount: 100, issued: '2024-06-12T10:00:00Z' });

  // Opened at local midnight of June 1st (22:00Z), resolved exactly at the 72 h SLA.
  await rows.dispute({
    customerId: x,
    opened: '2024-05-31T22:00:00Z',
    status: 'resolved',
    resolved: '2024-06-03T22:00:00Z',
    undue: true,
    credited: 300,
    billNumber: 1,
    amount: 1500,
    assignedToId: ana,
  });
  await rows.dispute({
    customerId: x,
    opened: '2024-06-02T10:00:00Z',
    status: 'rejected',
    resolved: '2024-06-05T10:00:01Z',
    undue: false,
    billNumber: 2,
    amount: 2500,
    assignedToId: bea,
  });
  await rows.dispute({ customerId: x, opened: '2024-05-31T21:59:59Z', status: 'open', amount: 700 });
  await rows.dispute({ customerId: x, opened: '2024-06-20T10:00:00Z', status: 'open', amount: 300 });
  await rows.dispute({
    customerId: x,
    opened: '2024-06-25T10:00:00Z',
    status: 'resolved',
    resolved: '2024-07-02T10:00:00Z',
    amount: 100,
  });
});
afterAll(async () => {
  await t?.close();
});

describe('retention desk', () => {
  it('counts closed cases by closing date and rounds cost per save half up', async () => {
    expect(await retentionFigures(t.db, { period: june, region: null, rep: null })).toEqual({
      opened: 2,
      saved: 2,
      lost: 1,
      saveRate: 2 / 3,
      savedMrrCents: 4000 + 3000,
      offerCostCents: 5,
      costPerSaveCents: 3,
      byOffer: [
        { offerType: 'discount', closed: 2, saved: 1, saveRate: 0.5 },
        { offerType: 'none', closed: 1, saved: 1, saveRate: 1 },
      ],
      byRep: [
        { rep: 'ana@t.test', closed: 2, saved: 2, saveRate: 1 },
        { rep: 'bea@t.test', closed: 1, saved: 0, saveRate: 0 },
      ],
    });
  });

  it("uses the case's rep for the rep filter; no saves means no cost per save", async () => {
    const bea = await retentionFigures(t.db, { period: june, region: null, rep: 'bea@t.test' });
    expect(bea).toMatchObject({ opened: 1, saved: 0, lost: 1, saveRate: 0, offerCostCents: 2, costPerSaveCents: null });
  });
});

describe('billing disputes', () => {
  it('counts the SLA boundary as compliant and keeps unresolved disputes in the backlog', async () => {
    expect(await disputeFigures(t.db, { period: june, region: null, rep: null, disputeSlaHours: 72 })).toEqual({
      opened: 4,
      disputedCents: 1500 + 2500 + 300 + 100,
      resolved: 2,
      undueRate: 0.5,
      creditedCents: 300,
      firstBillShare: 1 / 4,
      medianHoursToResolve: 72,
      slaComplianceRate: 0.5,
      backlogAtEnd: 3,
      byCause: [{ cause: 'overcharge', count: 4, disputedCents: 4400 }],
    });
  });

  it('uses the assigned rep for the rep filter', async () => {
    const ana = await disputeFigures(t.db, { period: june, region: null, rep: 'ana@t.test', disputeSlaHours: 72 });
    expect(ana).toMatchObject({ opened: 1, resolved: 1, slaComplianceRate: 1, backlogAtEnd: 0 });
  });
});

describe('compensation', () => {
  it('groups by kind, region and issuing rep, with "automatic" for compensation nobody issued', async () => {
    expect(await compensationFigures(t.db, { period: june, region: null, rep: null })).toEqual({
      count: 3,
      totalCents: 700,
      byKind: [
        { key: 'goodwill', count: 1, totalCents: 500 },
        { key: 'outage_credit', count: 2, totalCents: 200 },
      ],
      byRegion: [{ key: 'RET', count: 3, totalCents: 700 }],
      byRep: [
        { key: 'ana@t.test', count: 1, totalCents: 500 },
        { key: 'automatic', count: 2, totalCents: 200 },
      ],
    });
    const ana = await compensationFigures(t.db, { period: june, region: 'RET', rep: 'ana@t.test' });
    expect(ana).toMatchObject({ count: 1, totalCents: 500 });
  });
});
