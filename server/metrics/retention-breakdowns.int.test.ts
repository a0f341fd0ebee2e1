import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retentionCases } from '@/db/schema';
import type { ChurnCategory, OfferType } from '@/lib/vocabularies';
import { createTestDb, type TestDb } from '@/test/db';
import { perCaseHalfUp, retentionBreakdowns } from './retention-breakdowns';
import { testRows } from '@/test/factories/metric-rows';

const june = { from: '2024-06-01', to: '2024-06-30', tz: 'Europe/Madrid' };
const IN_JUNE = '2024-06-10T10:00:00Z';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  await rows.region('RET');
  await rows.region('OTH');
  const ana = await rows.user('ana@t.test', 'rep', 'RET');
  const bea = await rows.user('bea@t.test', 'rep', 'RET');
  const cal = await rows.user('cal@t.test', 'rep', 'RET');
  const dan = await rows.user('dan@t.test', 'rep', 'OTH');
  const eve = await rows.user('eve@t.test', 'rep', 'RET');
  const x = await rows.customer({ region: 'RET', activated: '2023-01-01T00:00:00Z' });
  const y = await rows.customer({ region: 'OTH', activated: '2023-01-01T00:00:00Z' });

  let n = 0;
  const retentionCase = async (r: {
    customerId?: number;
    repId: number;
    reason: ChurnCategory;
    offerType: OfferType;
    outcome: 'saved' | 'churned' | 'pending';
    closed?: string;
    mrr?: number;
    discount?: number;
  }) => {
    const [row] = await t.db
      .insert(retentionCases)
      .values({
        caseRef: `RB-${++n}`,
        customerId: r.customerId ?? x,
        repId: r.repId,
        openedAt: new Date('2024-05-15T10:00:00Z'),
        reason: r.reason,
        offerType: r.offerType,
        outcome: r.outcome,
        mrrAtRiskCents: r.mrr ?? 0,
        closedAt: r.outcome === 'pending' ? null : new Date(r.closed ?? IN_JUNE),
        offerMonthlyDiscountCents: r.discount ?? 0,
      })
      .returning({ id: retentionCases.id });
    return row?.id ?? 0;
  };
  const cost = (retentionCaseId: number, amount: number, issuedById: number) =>
    rows.compensation({
      customerId: x,
      kind: 'retention_offer',
      amount,
      issued: '2024-05-20T10:00:00Z',
      issuedById,
      retentionCaseId,
    });

  const k1 = await retentionCase({
    repId: ana,
    reason: 'price',
    offerType: 'discount',
    outcome: 'saved',
    mrr: 5000,
    discount: 1000,
  });
  await cost(k1, 300, ana);
  await cost(k1, 200, ana);
  await retentionCase({ repId: ana, reason: 'billing', offerType: 'none', outcome: 'saved', mrr: 3000 });
  // A lost case's offer still costs.
  const k3 = await retentionCase({
    repId: ana,
    reason: 'price',
    offerType: 'discount',
    outcome: 'churned',
    mrr: 2000,
    discount: 500,
  });
  await cost(k3, 101, ana);
  const k4 = await retentionCase({
    repId: bea,
    reason: 'outage',
    offerType: 'loyalty_credit',
    outcome: 'saved',
    mrr: 4000,
  });
  await cost(k4, 1000, bea);
  await retentionCase({
    repId: bea,
    reason: 'price',
    offerType: 'discount',
    outcome: 'saved',
    mrr: 6000,
    discount: 1500,
  });
  await retentionCase({ repId: bea, reason: 'price', offerType: 'none', outcome: 'churned', mrr: 1000 });
  // Midnight starting June 1st in Madrid: closed in June.
  await retentionCase({
    repId: bea,
    reason: 'competitor',
    offerType: 'promotion',
    outcome: 'saved',
    mrr: 2500,
    closed: '2024-05-31T22:00:00Z',
  });
  // 23:59:59 on May 31st in Madrid: not in June.
  await retentionCase({
    repId: bea,
    reason: 'price',
    offerType: 'promotion',
    outcome: 'saved',
    mrr: 8000,
    closed: '2024-05-31T21:59:59Z',
  });
  // Pending: not closed, so not on the leaderboard.
  await retentionCase({ repId: cal, reason: 'price', offerType: 'discount', outcome: 'pending', mrr: 9000 });
  // Closed in July: neither its MRR nor its cost counts for June.
  const k10 = await retentionCase({
    repId: ana,
    reason: 'price',
    offerType: 'discount',
    outcome: 'saved',
    mrr: 9000,
    closed: '2024-07-01T10:00:00Z',
  });
  await cost(k10, 9999, ana);
  const k11 = await retentionCase({
    repId: eve,
    reason: 'dissatisfaction',
    offerType: 'none',
    outcome: 'churned',
    mrr: 1500,
  });
  await cost(k11, 50, eve);
  // Another region's customer.
  const k12 = await retentionCase({
    customerId: y,
    repId: dan,
    reason: 'moved',
    offerType: 'upgrade',
    outcome: 'saved',
    mrr: 7000,
    discount: 2000,
  });
  await cost(k12, 700, dan);
});
afterAll(async () => {
  await t?.close();
});

describe('retention breakdowns', () => {
  it('ranks reps with saved MRR, offer cost and cost per save', async () => {
    const { leaderboard, figures } = await retentionBreakdowns(t.db, { period: june, region: 'RET', rep: null });
    expect(leaderboard).toEqual([
      // 601 / 2 = 300.5 → 301 (half up).
      {
        rep: 'ana@t.test',
        name: 'ana@t.test',
        closed: 3,
        saved: 2,
        saveRate: 2 / 3,
        savedMrrCents: 7000,
        offerCostCents: 601,
        costPerSaveCents: 301,
      },
      // 1000 / 3 = 333.3 → 333.
      {
        rep: 'bea@t.test',
        name: 'bea@t.test',
        closed: 4,
        saved: 3,
        saveRate: 0.75,
        savedMrrCents: 11000,
        offerCostCents: 1000,
        costPerSaveCents: 333,
      },
      {
        rep: 'eve@t.test',
        name: 'eve@t.test',
        closed: 1,
        saved: 0,
        saveRate: 0,
        savedMrrCents: 0,
        offerCostCents: 50,
        costPerSaveCents: null,
      },
    ]);
    // The same cases as the KPI engine's totals.
    expect(figures).toMatchObject({
      saved: 5,
      lost: 3,
      savedMrrCents: 18000,
      offerCostCents: 1651,
      costPerSaveCents: 330,
    });
    expect(leaderboard.map(({ rep, closed, saved, saveRate }) => ({ rep, closed, saved, saveRate }))).toEqual(
      figures.byRep,
    );
  });

  it('breaks closed cases down by reason', async () => {
    const { byReason } = await retentionBreakdowns(t.db, { period: june, region: 'RET', rep: null });
    expect(byReason).toEqual([
      { reason: 'billing', closed: 1, saved: 1, saveRate: 1 },
      { reason: 'competitor', closed: 1, saved: 1, saveRate: 1 },
      { reason: 'dissatisfaction', closed: 1, saved: 0, saveRate: 0 },
      { reason: 'outage', closed: 1, saved: 1, saveRate: 1 },
      { reason: 'price', closed: 4, saved: 2, saveRate: 0.5 },
    ]);
  });

  it('sets offer cost against saved MRR per offer type', async () => {
    const { offerMoney, figures } = await retentionBreakdowns(t.db, { period: june, region: 'RET', rep: null });
    expect(offerMoney).toEqual([
      { offerType: 'discount', savedMrrCents: 8500, offerCostCents: 601 },
      { offerType: 'loyalty_credit', savedMrrCents: 4000, offerCostCents: 1000 },
      { offerType: 'none', savedMrrCents: 3000, offerCostCents: 50 },
      { offerType: 'promotion', savedMrrCents: 2500, offerCostCents: 0 },
    ]);
    expect(offerMoney.map((o) => o.offerType)).toEqual(figures.byOffer.map((o) => o.offerType));
  });

  it('keeps to the rep filter and, without a region, counts every region', async () => {
    const onlyBea = await retentionBreakdowns(t.db, { period: june, region: null, rep: 'bea@t.test' });
    expect(onlyBea.leaderboard.map((r) => r.rep)).toEqual(['bea@t.test']);
    expect(onlyBea.byReason.map((r) => [r.reason, r.closed])).toEqual([
      ['competitor', 1],
      ['outage', 1],
      ['price', 2],
    ]);
    const all = await retentionBreakdowns(t.db, { period: june, region: null, rep: null });
    expect(all.leaderboard.find((r) => r.rep === 'dan@t.test')).toEqual({
      rep: 'dan@t.test',
      name: 'dan@t.test',
      closed: 1,
      saved: 1,
      saveRate: 1,
      savedMrrCents: 5000,
      offerCostCents: 700,
      costPerSaveCents: 700,
    });
    expect(all.offerMoney.find((o) => o.offerType === 'upgrade')).toEqual({
      offerType: 'upgrade',
      savedMrrCents: 5000,
      offerCostCents: 700,
    });
  });
});

describe('per-case half-up rounding', () => {
  it('rounds halves up and has no value without cases', () => {
    expect(perCaseHalfUp(5, 2)).toBe(3);
    expect(perCaseHalfUp(1, 3)).toBe(0);
    expect(perCaseHalfUp(2, 3)).toBe(1);
    expect(perCaseHalfUp(0, 4)).toBe(0);
    expect(perCaseHalfUp(7, 0)).toBeNull();
  });
});
