import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bills, customers, customerServices } from '@/db/schema';
import { createTestDb, type TestDb } from '@/test/db';
import { CUSTOMER_HEADER, errorLines, importLines, seedBase } from '@/test/import-run';

/** customer_services and bills: formats, the monthly fee kept as the services' total, clear row errors. */
let t: TestDb;
const fee = async (account: string) =>
  (await t.db.select({ fee: customers.monthlyFeeCents }).from(customers).where(eq(customers.accountNumber, account)))[0]
    ?.fee;

beforeAll(async () => {
  t = await createTestDb();
  await seedBase(t.db);
});
afterAll(async () => {
  await t?.close();
});

describe('customer_services', () => {
  it('sets the services and makes monthly_fee their total', async () => {
    const report = await importLines(t.db, 'customer_services', [
      'account_number,internet_fee,landline_fee,mobile_fee,tv_fee',
      'ACC-1,30.00,15.00,,10.00',
    ]);
    expect(report.committed, JSON.stringify(report.errors)).toBe(true);
    expect(await fee('ACC-1')).toBe(5500);
    expect(await t.db.select().from(customerServices)).toEqual([
      expect.objectContaining({
        internetFeeCents: 3000,
        landlineFeeCents: 1500,
        mobileFeeCents: null,
        tvFeeCents: 1000,
      }),
    ]);
  });

  it('refuses a row without any service, an unknown customer and a negative fee, naming row and column', async () => {
    const report = await importLines(t.db, 'customer_services', [
      'account_number,internet_fee,landline_fee',
      'ACC-2,,',
      'ACC-9,10.00,',
      'ACC-2,-1.00,',
    ]);
    expect(report.committed).toBe(false);
    expect(errorLines(report)).toEqual([
      expect.stringMatching(/^2 internet_fee : at least one service fee is required/),
      expect.stringMatching(/^3 account_number ACC-9: unknown account_number/),
      expect.stringMatching(/^4 internet_fee -1.00: /),
    ]);
  });

  it('a customers file whose monthly_fee disagrees with the services is refused; the total is accepted', async () => {
    const wrong = await importLines(t.db, 'customers', [CUSTOMER_HEADER, 'ACC-1,MAD,2023-01-10,49.90,,,,28001']);
    expect(wrong.committed).toBe(false);
    expect(errorLines(wrong)).toEqual([
      "2 monthly_fee 49.90: the customer's services add up to 55.00; monthly_fee is their total (import customer_services to change it)",
    ]);
    const right = await importLines(t.db, 'customers', [CUSTOMER_HEADER, 'ACC-1,MAD,2023-01-10,55.00,,,,28001']);
    expect(right.committed, JSON.stringify(right.errors)).toBe(true);
  });
});

describe('bills', () => {
  it('takes a month as YYYY-MM or its first day, amounts per service', async () => {
    const report = await importLines(t.db, 'bills', [
      'bill_ref,account_number,period,internet,landline,mobile,tv',
      'B-1,ACC-1,2025-11,30.00,18.40,,10.00',
      'B-2,ACC-1,2025-12-01,30.00,21.00,,10.00',
    ]);
    expect(report.committed, JSON.stringify(report.errors)).toBe(true);
    const stored = await t.db.select().from(bills).orderBy(bills.period);
    expect(stored.map((b) => [b.period, b.landlineCents, b.mobileCents])).toEqual([
      ['2025-11-01', 1840, null],
      ['2025-12-01', 2100, null],
    ]);
  });

  it('refuses a period that is not a month and a second bill for the same month', async () => {
    const report = await importLines(t.db, 'bills', [
      'bill_ref,account_number,period,internet',
      'B-3,ACC-1,2025-11-15,30.00',
      'B-4,ACC-1,2025-13,30.00',
    ]);
    expect(errorLines(report)).toEqual([
      '2 period 2025-11-15: a month as YYYY-MM (or its first day, YYYY-MM-01)',
      '3 period 2025-13: a month as YYYY-MM (or its first day, YYYY-MM-01)',
    ]);
  });
});
