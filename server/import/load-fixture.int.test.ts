import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { createTestDb, type TestDb } from '@/test/db';
import { importCsv } from './import-csv';
import { importFixtureDirectory } from './load-fixture';

const FIXTURE_DIR = path.join(process.cwd(), 'server/metrics/fixtures/sample');
const EXPECTED_ROWS = {
  regions: 5,
  postcodes: 40,
  users: 14,
  customers: 3000,
  retention_cases: 703,
  disputes: 1064,
  outages: 30,
  compensations: 2643,
};

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const count = async (table: string) =>
  Number((await queryRows<{ n: unknown }>(t.db, sql`select count(*) as n from ${sql.identifier(table)}`))[0]?.n);

describe('importing the sample fixture', () => {
  it('imports all eight files in contract order with no rejects', async () => {
    const reports = await importFixtureDirectory(t.db, FIXTURE_DIR, 'Europe/Madrid');
    expect(Object.fromEntries(reports.map((r) => [r.entity, r.rowsWritten]))).toEqual(EXPECTED_ROWS);
    for (const r of reports) {
      expect(r).toMatchObject({ committed: true, rowsRejected: 0, invalidRows: 0, rowsUpdated: 0 });
      expect(r.rowsInserted).toBe(r.rowsRead);
    }
    for (const [entity, n] of Object.entries(EXPECTED_ROWS)) expect(await count(entity)).toBe(n);
    expect(await count('outage_regions')).toBeGreaterThanOrEqual(30);
    expect(await count('audit_log')).toBe(8);
  });

  it('re-imports idempotently: the same counts, every row updated, none duplicated', async () => {
    const file = path.join(FIXTURE_DIR, 'customers.csv');
    const before = await queryRows<{ fee: unknown }>(t.db, sql`select sum(monthly_fee_cents) as fee from customers`);
    const report = await importCsv(t.db, 'customers', fs.createReadStream(file), {
      skipInvalid: false,
      reportTz: 'Europe/Madrid',
    });
    expect(report).toMatchObject({
      committed: true,
      rowsRead: 3000,
      rowsWritten: 3000,
      rowsInserted: 0,
      rowsUpdated: 3000,
      rowsRejected: 0,
    });
    expect(await count('customers')).toBe(3000);
    const after = await queryRows<{ fee: unknown }>(t.db, sql`select sum(monthly_fee_cents) as fee from customers`);
    expect(Number(after[0]?.fee)).toBe(Number(before[0]?.fee));

    const outagesFile = path.join(FIXTURE_DIR, 'outages.csv');
    const regionLinks = await count('outage_regions');
    const again = await importCsv(t.db, 'outages', fs.createReadStream(outagesFile), {
      skipInvalid: false,
      reportTz: 'Europe/Madrid',
    });
    expect(again).toMatchObject({ rowsUpdated: 30, rowsInserted: 0 });
    expect(await count('outage_regions')).toBe(regionLinks);
  });
});
