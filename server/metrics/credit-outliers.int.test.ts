import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { areaTestRows } from '@/test/factories/area-page-rows';
import { creditOutliers } from './credit-outliers';
import { testRows } from '@/test/factories/metric-rows';

const period = { from: '2024-03-01', to: '2024-03-31', tz: 'UTC' };
const IN_P = '2024-03-15T10:00:00Z';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  const area = areaTestRows(t.db);
  await rows.region('NRT');
  await rows.region('STH');
  const north = await area.customer({ region: 'NRT' });
  const south = await area.customer({ region: 'STH' });
  const dispute = (customerId: number) => area.dispute({ customerId, opened: '2024-03-01T10:00:00Z' });
  const user = (name: string) => rows.user(`${name}@t.test`, 'rep', 'NRT');

  /** One dispute per amount, credited by the rep in P. */
  const credit = async (repId: number, amounts: number[], customerId = north) => {
    for (const amount of amounts) {
      const disputeId = await dispute(customerId);
      await area.compensation({
        customerId,
        kind: 'dispute_credit',
        amount,
        issued: IN_P,
        issuedById: repId,
        disputeId,
      });
    }
  };
  const a = await user('a');
  await credit(a, [1000, 1000, 1000, 1000, 1000]);
  const b = await user('b');
  await credit(b, [2000, 2000, 2000, 2000, 2000]);
  // c: 1500 credit plus 500 goodwill on each of five disputes, 2000 per case.
  const c = await user('c');
  for (let i = 0; i < 5; i++) {
    const disputeId = await dispute(north);
    await area.compensation({
      customerId: north,
      kind: 'dispute_credit',
      amount: 1500,
      issued: IN_P,
      issuedById: c,
      disputeId,
    });
    await area.compensation({
      customerId: north,
      kind: 'goodwill',
      amount: 500,
      issued: IN_P,
      issuedById: c,
      disputeId,
    });
  }
  const d = await user('d');
  await credit(d, [3000, 3000, 3000, 3000, 3000]); // exactly 1.5 × the median
  const e = await user('e');
  await credit(e, [3000, 3000, 3000, 3000, 3010]); // 3002 per case
  const f = await user('f');
  await credit(f, [10000, 10000, 10000, 10000]); // only four cases

  // Not counted: automatic, not linked to a dispute, issued after P, another region (unless unfiltered).
  const extra = await dispute(north);
  await area.compensation({ customerId: north, kind: 'dispute_credit', amount: 99999, issued: IN_P, disputeId: extra });
  await area.compensation({ customerId: north, kind: 'goodwill', amount: 50000, issued: IN_P, issuedById: a });
  await area.compensation({
    customerId: north,
    kind: 'dispute_credit',
    amount: 99999,
    issued: '2024-04-01T00:00:00Z',
    issuedById: a,
    disputeId: extra,
  });
  await credit(b, [99999], south);
});
afterAll(async () => {
  await t?.close();
});

const row = (
  rep: string,
  cases: number,
  totalCents: number,
  ratioToMedian: number | null,
  peer: boolean,
  flagged: boolean,
) => ({
  rep: `${rep}@t.test`,
  name: `${rep}@t.test`,
  cases,
  totalCents,
  perCaseCents: totalCents / cases,
  ratioToMedian,
  peer,
  flagged,
});

describe('credit outliers', () => {
  it('flags a peer above 1.5 × the peer median, not one exactly at it, nor a rep with under five cases', async () => {
    const outliers = await creditOutliers(t.db, { period, region: 'NRT', rep: null });
    expect(outliers).toEqual({
      minCases: 5,
      factor: 1.5,
      peerMedianCents: 2000,
      peers: 5,
      reps: [
        row('f', 4, 40000, 5, false, false),
        row('e', 5, 15010, 1.501, true, true),
        row('d', 5, 15000, 1.5, true, false),
        row('b', 5, 10000, 1, true, false),
        row('c', 5, 10000, 1, true, false),
        row('a', 5, 5000, 0.5, true, false),
      ],
    });
  });

  it('measures a filtered rep against all peers', async () => {
    const outliers = await creditOutliers(t.db, { period, region: 'NRT', rep: 'e@t.test' });
    expect(outliers.peerMedianCents).toBe(2000);
    expect(outliers.reps).toEqual([row('e', 5, 15010, 1.501, true, true)]);
  });

  it('takes the population from the region filter', async () => {
    // Unfiltered, b's southern credit makes six cases: (10000 + 99999) / 6 per case; the median moves to 3000.
    const outliers = await creditOutliers(t.db, { period, region: null, rep: null });
    expect(outliers.peerMedianCents).toBe(3000);
    expect(outliers.reps.filter((r) => r.flagged).map((r) => r.rep)).toEqual(['b@t.test']);
  });

  it('has no median and flags nobody without peers', async () => {
    const outliers = await creditOutliers(t.db, { period, region: 'STH', rep: null });
    expect(outliers).toMatchObject({ peerMedianCents: null, peers: 0 });
    expect(outliers.reps).toEqual([row('b', 1, 99999, null, false, false)]);
  });
});
