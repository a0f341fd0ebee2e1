import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, databaseError, type TestDb } from '@/test/db';
import { queryRows } from './client';
import { auditLog, customers, regions } from './schema';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

describe('schema constraints', () => {
  it('refuses a churn date before activation', async () => {
    await t.db.insert(regions).values({ code: 'MAD', name: 'Madrid' });
    await expect(
      t.db.insert(customers).values({
        accountNumber: 'A-1',
        regionCode: 'MAD',
        activatedAt: new Date('2024-02-01T00:00:00Z'),
        churnedAt: new Date('2024-01-01T00:00:00Z'),
        churnCategory: 'price',
        monthlyFeeCents: 1000,
      }),
    ).rejects.toThrow();
  });

  it('refuses a churned customer without a category', async () => {
    await expect(
      t.db.insert(customers).values({
        accountNumber: 'A-2',
        regionCode: 'MAD',
        activatedAt: new Date('2024-01-01T00:00:00Z'),
        churnedAt: new Date('2024-02-01T00:00:00Z'),
        monthlyFeeCents: 1000,
      }),
    ).rejects.toThrow();
  });

  it('refuses a customer in an unknown region', async () => {
    await expect(
      t.db.insert(customers).values({ accountNumber: 'A-3', regionCode: 'XXX', activatedAt: new Date(), monthlyFeeCents: 0 }),
    ).rejects.toThrow();
  });

  it('keeps the audit log append-only', async () => {
    await t.db.insert(auditLog).values({ action: 'test', entity: 'customer', entityId: 'A-1' });
    expect(await databaseError(t.db.execute(sql`update audit_log set action = 'changed'`))).toMatch(/append-only/);
    expect(await databaseError(t.db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
    const rows = await queryRows<{ action: string }>(t.db, sql`select action from audit_log`);
    expect(rows.map((r) => r.action)).toEqual(['test']);
  });
});
