import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '@/db/schema';
import { createTestDb, type TestDb } from '@/test/db';
import { promoCliff } from './promo-cliff';
import { testRows } from '@/test/factories/metric-rows';

const TZ = 'Europe/Madrid';
// 12:00 in Madrid on 2024-06-10: the window is 2024-06-10 .. 2024-08-09 (today + 60), local dates.
const asOf = new Date('2024-06-10T10:00:00Z');

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  await rows.region('MAD');
  await rows.region('CAT');
  let n = 0;
  const customer = async (c: {
    region: string;
    promoEnds?: string;
    discount?: number;
    churned?: string;
    activated?: string;
    fee?: number;
  }) => {
    n += 1;
    await t.db.insert(customers).values({
      accountNumber: `A${String(n).padStart(3, '0')}`,
      name: `Customer ${n}`,
      regionCode: c.region,
      plan: 'fibre_600',
      activatedAt: new Date(c.activated ?? '2024-01-01T10:00:00Z'),
      monthlyFeeCents: c.fee ?? 2500,
      churnedAt: c.churned ? new Date(c.churned) : null,
      churnCategory: c.churned ? 'price' : null,
      promoEndsAt: c.promoEnds ? new Date(c.promoEnds) : null,
      promoMonthlyDiscountCents: c.discount ?? null,
    });
  };
  // A001: 23:59:59 on 2024-08-09 in Madrid, the 60th day: in.
  await customer({ region: 'MAD', promoEnds: '2024-08-09T21:59:59Z', discount: 1000, fee: 3000 });
  // A002: midnight starting 2024-08-10 in Madrid, the 61st day: out.
  await customer({ region: 'MAD', promoEnds: '2024-08-09T22:00:00Z', discount: 700 });
  // A003: the first instant of today in Madrid: in.
  await customer({ region: 'MAD', promoEnds: '2024-06-09T22:00:00Z', discount: 500, fee: 2000 });
  // A004: ended yesterday (local): out.
  await customer({ region: 'MAD', promoEnds: '2024-06-09T21:59:59Z', discount: 900 });
  // A005: churned before today: out, whatever the promotion.
  await customer({ region: 'MAD', promoEnds: '2024-07-01T10:00:00Z', discount: 800, churned: '2024-05-01T10:00:00Z' });
  // A006: another region, no recorded discount: in, with an unknown jump.
  await customer({ region: 'CAT', promoEnds: '2024-07-01T10:00:00Z', fee: 1500 });
  // A007: no promotion: out.
  await customer({ region: 'CAT' });
  // A008: not active yet: out.
  await customer({
    region: 'CAT',
    activated: '2024-06-15T10:00:00Z',
    promoEnds: '2024-07-15T10:00:00Z',
    discount: 600,
  });
});
afterAll(async () => {
  await t?.close();
});

describe('promo cliff', () => {
  it('lists active customers whose promotion ends in the next 60 days, soonest first', async () => {
    const cliff = await promoCliff(t.db, { region: null, tz: TZ, asOf });
    expect(cliff).toEqual({
      from: '2024-06-10',
      to: '2024-08-09',
      count: 3,
      totalJumpCents: 1500,
      truncated: false,
      rows: [
        {
          accountNumber: 'A003',
          customerName: 'Customer 3',
          region: 'MAD',
          plan: 'fibre_600',
          promoEndDate: '2024-06-10',
          monthlyFeeCents: 2000,
          priceJumpCents: 500,
        },
        {
          accountNumber: 'A006',
          customerName: 'Customer 6',
          region: 'CAT',
          plan: 'fibre_600',
          promoEndDate: '2024-07-01',
          monthlyFeeCents: 1500,
          priceJumpCents: null,
        },
        {
          accountNumber: 'A001',
          customerName: 'Customer 1',
          region: 'MAD',
          plan: 'fibre_600',
          promoEndDate: '2024-08-09',
          monthlyFeeCents: 3000,
          priceJumpCents: 1000,
        },
      ],
    });
  });

  it('keeps to the region filter', async () => {
    const cliff = await promoCliff(t.db, { region: 'MAD', tz: TZ, asOf });
    expect(cliff.rows.map((r) => r.accountNumber)).toEqual(['A003', 'A001']);
    expect([cliff.count, cliff.totalJumpCents]).toEqual([2, 1500]);
  });

  it('counts every customer in the window when the rows are capped', async () => {
    const cliff = await promoCliff(t.db, { region: null, tz: TZ, asOf, limit: 1 });
    expect(cliff.rows.map((r) => r.accountNumber)).toEqual(['A003']);
    expect([cliff.count, cliff.totalJumpCents, cliff.truncated]).toEqual([3, 1500, true]);
  });

  it('is empty with zero totals when nobody is on the cliff', async () => {
    const cliff = await promoCliff(t.db, { region: null, tz: TZ, asOf: new Date('2030-01-01T12:00:00Z') });
    expect(cliff).toEqual({
      from: '2030-01-01',
      to: '2030-03-02',
      count: 0,
      totalJumpCents: 0,
      truncated: false,
      rows: [],
    });
  });
});
