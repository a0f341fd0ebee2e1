import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { createTestDb, type TestDb } from '@/test/db';
import type { ImportOptions } from './import-csv';
import { CUSTOMER_HEADER, errorLines, importLines, seedBase } from '@/test/import-run';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedBase(t.db);
});
afterAll(async () => {
  await t?.close();
});

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.db, query);
const OUTAGE_HEADER = 'outage_ref,title,severity,started_at,region_codes,postcodes';

// Both ways of writing give the same outcome; batches of 2 make every rule cross batches.
describe.each(['transaction', 'staged'] as const)('write mode %s', (writeMode) => {
  const options: Partial<ImportOptions> = { writeMode, batchSize: 2 };
  const tag = writeMode === 'staged' ? 'S' : 'T';

  it('lets the last row of a repeated key win across batches, counting one insert and the updates', async () => {
    const report = await importLines(
      t.db,
      'customers',
      [
        CUSTOMER_HEADER,
        `ACC-${tag}1,MAD,2024-01-01,10.00,,,,`,
        `ACC-${tag}2,MAD,2024-01-01,11.00,,,,`,
        `ACC-${tag}1,CAT,2024-01-01,12.00,,,,`,
        `ACC-${tag}3,MAD,2024-01-01,13.00,,,,`,
        `ACC-${tag}1,MAD,2024-01-01,14.00,,,,`,
        'ACC-1,MAD,2023-01-10,49.90,,,rep.mad@holdfast.test,28001',
      ],
      options,
    );
    expect(report).toMatchObject({ committed: true, rowsRead: 6, rowsWritten: 6, rowsInserted: 3, rowsUpdated: 3 });
    const stored = await rows<{ fee: unknown; region: string }>(
      sql`select monthly_fee_cents as fee, region_code as region from customers where account_number = ${`ACC-${tag}1`}`,
    );
    expect(stored.map((r) => [Number(r.fee), r.region])).toEqual([[1400, 'MAD']]);
  });

  it('writes nothing under all or nothing when a late batch has an invalid row', async () => {
    const before = await rows<{ n: unknown }>(sql`select count(*) as n from customers`);
    const report = await importLines(
      t.db,
      'customers',
      [
        CUSTOMER_HEADER,
        `ACC-${tag}10,MAD,2024-01-01,10.00,,,,`,
        `ACC-${tag}11,MAD,2024-01-01,10.00,,,,`,
        `ACC-${tag}12,MAD,2024-01-01,10.00,,,,`,
        `ACC-${tag}13,XXX,2024-01-01,10.00,,,,`,
      ],
      options,
    );
    expect(report).toMatchObject({ committed: false, rowsWritten: 0, invalidRows: 1 });
    expect(await rows(sql`select count(*) as n from customers`)).toEqual(before);
  });

  it("replaces an outage's regions and postcodes with those of its last row", async () => {
    const ref = `OUT-${tag}`;
    await importLines(
      t.db,
      'outages',
      [OUTAGE_HEADER, `${ref},Cut,major,2024-06-11T06:00:00Z,MAD;CAT,28001;08001`],
      options,
    );
    const report = await importLines(
      t.db,
      'outages',
      [
        OUTAGE_HEADER,
        `${ref},Cut,major,2024-06-11T06:00:00Z,MAD,28001`,
        `${ref}-B,Other,minor,2024-06-11T06:00:00Z,CAT,`,
        `${ref},Cut again,major,2024-06-11T06:00:00Z,CAT,08001`,
      ],
      options,
    );
    expect(report).toMatchObject({ committed: true, rowsInserted: 1, rowsUpdated: 2 });
    const links = await rows<{ ref: string; title: string; regions: string; postcodes: string | null }>(
      sql`select o.outage_ref as ref, o.title,
                 (select string_agg(region_code, ';' order by region_code) from outage_regions r where r.outage_id = o.id) as regions,
                 (select string_agg(postcode, ';' order by postcode) from outage_postcodes p where p.outage_id = o.id) as postcodes
          from outages o where o.outage_ref like ${`${ref}%`} order by o.outage_ref`,
    );
    expect(links).toEqual([
      { ref, title: 'Cut again', regions: 'CAT', postcodes: '08001' },
      { ref: `${ref}-B`, title: 'Other', regions: 'CAT', postcodes: null },
    ]);
  });

  it('refuses a second outage credit for one customer and outage written by an earlier batch of the same file', async () => {
    const ref = `OUT-${tag}`;
    const report = await importLines(
      t.db,
      'compensations',
      [
        'comp_ref,account_number,kind,amount,issued_at,outage_ref',
        `CP-${tag}1,ACC-2,outage_credit,3.00,2024-06-12,${ref}`,
        `CP-${tag}2,ACC-1,goodwill,5.00,2024-06-12,`,
        `CP-${tag}3,ACC-2,outage_credit,3.00,2024-06-12,${ref}`,
      ],
      { ...options, skipInvalid: true },
    );
    expect(errorLines(report)).toEqual([
      `4 outage_ref ${ref}: this customer already has an outage credit for this outage (CP-${tag}1)`,
    ]);
    expect(report).toMatchObject({ committed: true, rowsInserted: 2 });
  });

  it('records the audit row with the counts', async () => {
    await importLines(t.db, 'regions', ['code,name', `R${tag}1,One`, `R${tag}2,Two`, `R${tag}1,Uno`], options);
    const [audit] = await rows<{ details: { rowsInserted: number; rowsUpdated: number } }>(
      sql`select details from audit_log where action = 'import' order by id desc limit 1`,
    );
    expect(audit?.details).toMatchObject({ rowsInserted: 2, rowsUpdated: 1 });
  });
});

describe('a staged import on PGlite', () => {
  it('lets other queries answer between batches, before the import ends', async () => {
    if (t.driver !== 'pglite') return;
    const lines = Array.from({ length: 20_000 }, (_, i) => `ACC-C${i},MAD,2024-01-01,9.99,,,,`);
    let finished = false;
    const importing = importLines(t.db, 'customers', [CUSTOMER_HEADER, ...lines], { writeMode: 'staged' }).then(
      (report) => {
        finished = true;
        return report;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const waits: number[] = [];
    while (!finished && waits.length < 20) {
      const t0 = performance.now();
      await rows(sql`select count(*) from customers`);
      if (!finished) waits.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await importing).rowsWritten).toBe(20_000);
    expect(waits.length).toBeGreaterThan(2);
    expect(Math.max(...waits)).toBeLessThan(1000);
  });
});
