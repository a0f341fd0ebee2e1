import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { createTestDb, type TestDb } from '@/test/db';
import { CUSTOMER_HEADER, errorLines, importLines, seedBase } from '@/test/import-run';

/** The customers file's optional phone column: normalised to E.164, refused per row, absent left alone. */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedBase(t.db);
});
afterAll(async () => {
  await t.close();
});

const phones = async () =>
  Object.fromEntries(
    (
      await queryRows<{ account_number: string; phone: string | null }>(
        t.db,
        sql`select account_number, phone from customers order by account_number`,
      )
    ).map((r) => [r.account_number, r.phone]),
  );

describe('customers.phone', () => {
  it('stores a phone as + and digits, however it was written', async () => {
    const report = await importLines(t.db, 'customers', [
      'account_number,region_code,activated_at,monthly_fee,phone',
      'ACC-1,MAD,2023-01-10,49.90,+34 612 345 678',
      'ACC-2,CAT,2023-02-10,29.90,0034-933-000-111',
    ]);
    expect(report.committed).toBe(true);
    expect(await phones()).toMatchObject({ 'ACC-1': '+34612345678', 'ACC-2': '+34933000111' });
  });

  it('refuses a bad phone with the row, column and reason, and writes nothing', async () => {
    const report = await importLines(t.db, 'customers', [
      'account_number,region_code,activated_at,monthly_fee,phone',
      'ACC-1,MAD,2023-01-10,49.90,+34 699 000 000',
      'ACC-2,CAT,2023-02-10,29.90,933000111',
      'ACC-3,CAT,2023-02-10,29.90,call me',
    ]);
    expect(report.committed).toBe(false);
    expect(errorLines(report)).toEqual([
      '3 phone 933000111: needs its country code: + and 8 to 15 digits, e.g. +34 612 345 678',
      '4 phone call me: is not a phone number: + and 8 to 15 digits, e.g. +34 612 345 678',
    ]);
    expect(await phones()).toMatchObject({ 'ACC-1': '+34612345678' });
  });

  it('imports an older file without the column and keeps the phones on file; an empty cell clears one', async () => {
    const old = await importLines(t.db, 'customers', [CUSTOMER_HEADER, 'ACC-1,MAD,2023-01-10,49.90,,,,28001']);
    expect(old.committed).toBe(true);
    expect((await phones())['ACC-1']).toBe('+34612345678');
    await importLines(t.db, 'customers', [
      'account_number,region_code,activated_at,monthly_fee,phone',
      'ACC-1,MAD,2023-01-10,49.90,',
    ]);
    expect((await phones())['ACC-1']).toBeNull();
  });
});
