import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import type { ImportEntity, ImportReport } from '@/lib/schemas/import';
import { importCsv, type ImportOptions } from '@/server/import/import-csv';
import { createTestDb, type TestDb } from '@/test/db';
import { seedBase, TZ } from '@/test/import-run';

/**
 * The COPY import (PostgreSQL server) against the row-by-row import on the same files: the reports,
 * rejects files included, are the same bytes. Skipped on PGlite, which has no COPY from a client.
 */
const skipped = !process.env.TEST_DATABASE_URL;

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  if (!skipped) await seedBase(t.db);
});
afterAll(async () => t.close());

const CUSTOMERS =
  'account_number,name,region_code,postcode,plan,activated_at,monthly_fee,churned_at,churn_category,churn_reason,competitor,sold_by,promo_ends_at,promo_monthly_discount';

/** One row per kind of problem, and valid rows the SQL reads (dates, offsets, guards, quotes, case). */
const CUSTOMER_ROWS: Array<string | Buffer> = [
  'CMP-01,Ana,MAD,28001,Fibre,2023-01-10T08:00:00Z,49.90,,,,,rep.mad@holdfast.test,2023-04-01,5.00',
  'CMP-02,"Name, with comma",CAT,08001,,2023-01-10,29.9,2024-03-01T10:00:00.1239+05:30,PRICE,"said ""bye""",Rival,,,',
  ',No account,MAD,,,2023-01-10,10,,,,,,,',
  'CMP-04,,XXX,,,2023-01-10,10,,,,,,,',
  'CMP-05,,MAD,08001,,2023-01-10,10,,,,,,,',
  'CMP-06,,MAD,99999,,2023-01-10,10,,,,,,,',
  'CMP-07,,MAD,,,2023-02-30,10,,,,,,,',
  'CMP-08,,MAD,,,2023-01-10T10:00,10,,,,,,,',
  'CMP-09,,MAD,,,2023-01-10,10.001,,,,,,,',
  'CMP-10,,MAD,,,2023-01-10,"1,50",,,,,,,',
  "CMP-11,,MAD,,,2023-01-10,'-3.00,,,,,,,",
  'CMP-12,,MAD,,,2023-05-10,10,2023-01-01,price,,,,,',
  'CMP-13,,MAD,,,2023-01-10,10,2023-06-01,,,,,,',
  'CMP-14,,MAD,,,2023-01-10,10,2023-06-01,Price!,,,,,',
  'CMP-15,,MAD,,,2023-01-10,10,,,,,nobody@holdfast.test,,',
  'CMP-16,,MAD,,,2023-01-10,10,,,,,not-an-email,,',
  'CMP-17,,MAD,,,2023-01-10,10,,,,,,,,extra',
  'CMP-18,"nul\u0000here",MAD,,,2023-01-10,10,,,,,,,',
  Buffer.concat([Buffer.from('CMP-19,bad '), Buffer.from([0xff, 0xfe]), Buffer.from(' bytes,MAD,,,2023-01-10,10,,,,,,,')]),
  `CMP-20,${'x'.repeat(60)},MAD,,,2023-01-10,10,,,,,,,`,
  "CMP-21,'=SUM(A1),MAD,,,2023-01-10,10,,,,,,,",
  '\u00a0CMP-22\u3000, spaced ,MAD, 28001 ,,  2023-01-10 ,10.5,,,,,REP.MAD@holdfast.test,,',
  'CMP-23,first,MAD,,,2023-01-10,10,,,,,,,',
  '',
  'CMP-23,"second\r\nline",MAD,,,2023-01-10,11,,,,,,,',
  'CMP-24,,MAD,,,1899-12-31,10,,,,,,,',
  'CMP-25,,MAD,,,2023-01-10T24:00:00Z,10,,,,,,,',
  'CMP-26,,MAD,,,2023-01-10T10:00:00+25:00,10,,,,,,,',
  'CMP-27,,MAD,,,2023-01-10,10,,,,,,2023-01-10,-1',
  'CMP-28,,mad,,,2023-01-10,10,,,,,,,',
];

const BILLS = 'bill_ref,account_number,period,internet,landline,mobile,tv';
const BILL_ROWS = [
  'B-CMP-1,ACC-1,2024-01,10.00,,5,',
  'B-CMP-2,ACC-2,2024-02-01,,,,7.5',
  'B-CMP-3,ACC-404,2024-01,1,,,',
  'B-CMP-4,ACC-1,2024-13,1,,,',
  'B-CMP-5,ACC-1,2024-03-15,1,,,',
  'B-CMP-6,ACC-1,2024-04,1.999,,,',
  ',ACC-1,2024-05,1,,,',
  'B-CMP-8,ACC-2, 2024-06 ,,2,,',
];

function file(header: string, rows: ReadonlyArray<string | Buffer>, eol: string): Readable {
  const parts = [header, ...rows].flatMap((row) => [typeof row === 'string' ? Buffer.from(row) : row, Buffer.from(eol)]);
  return Readable.from([Buffer.concat(parts)]);
}

async function run(
  entity: ImportEntity,
  input: () => Readable,
  reader: 'copy' | 'rows',
  options: Partial<ImportOptions>,
): Promise<{ report: ImportReport; readers: string[] }> {
  const readers: string[] = [];
  const report = await importCsv(t.db, entity, input(), {
    skipInvalid: false,
    reportTz: TZ,
    maxCellLength: 50,
    reader,
    onReader: (r) => readers.push(r),
    ...options,
  });
  return { report, readers };
}

async function forget(entity: ImportEntity): Promise<void> {
  if (entity === 'customers') await t.db.execute(sql`delete from customers where account_number like '%CMP-%'`);
  else await t.db.execute(sql`delete from bills where bill_ref like 'B-CMP-%'`);
}

async function stored(entity: ImportEntity): Promise<unknown[]> {
  return entity === 'customers'
    ? queryRows(t.db, sql`select account_number, name, region_code, postcode, plan, activated_at, monthly_fee_cents,
        churned_at, churn_category, churn_reason, competitor, sold_by_id, promo_ends_at, promo_monthly_discount_cents
        from customers where account_number like '%CMP-%' order by 1`)
    : queryRows(t.db, sql`select bill_ref, customer_id, period, internet_cents, landline_cents, mobile_cents, tv_cents
        from bills where bill_ref like 'B-CMP-%' order by 1`);
}

/** Both ways on the same file; both reports, and the rows each left. */
async function both(entity: ImportEntity, input: () => Readable, options: Partial<ImportOptions> = {}) {
  const rows = await run(entity, input, 'rows', options);
  const rowsStored = await stored(entity);
  await forget(entity);
  const copy = await run(entity, input, 'copy', options);
  const copyStored = await stored(entity);
  await forget(entity);
  return { rows, copy, rowsStored, copyStored };
}

/**
 * On a file that is not CSV the rows counted differ: the row path counts the records csv-parse
 * handed over before it stopped, which depends on how the upload was cut into chunks (none, when
 * the error is in the first chunk); the COPY import counts every record before the error.
 */
function withoutCounts(report: ImportReport): Omit<ImportReport, 'rowsRead' | 'rowsRejected'> {
  const { rowsRead: _read, rowsRejected: _rejected, ...rest } = report;
  return rest;
}

describe.skipIf(skipped)('COPY import and row-by-row import: the same report', () => {
  for (const eol of ['\n', '\r\n']) {
    for (const skipInvalid of [false, true]) {
      it(`customers, every kind of bad row (${JSON.stringify(eol)}, skipInvalid ${skipInvalid})`, async () => {
        const { rows, copy, rowsStored, copyStored } = await both(
          'customers',
          () => file(CUSTOMERS, CUSTOMER_ROWS, eol),
          { skipInvalid },
        );
        expect(copy.readers).toEqual(['copy']);
        expect(rows.readers).toEqual(['rows']);
        expect(rows.report.invalidRows).toBeGreaterThan(20);
        expect(JSON.stringify(copy.report)).toBe(JSON.stringify(rows.report));
        expect(copyStored).toEqual(rowsStored);
        expect(rowsStored.length).toBe(skipInvalid ? 5 : 0);
      });
    }
  }

  it('customers, all valid: written alike, a repeated key counted as an update', async () => {
    const valid = [CUSTOMER_ROWS[0], CUSTOMER_ROWS[1], CUSTOMER_ROWS[20], CUSTOMER_ROWS[21], CUSTOMER_ROWS[22], CUSTOMER_ROWS[24]];
    const { rows, copy, rowsStored, copyStored } = await both('customers', () =>
      file(CUSTOMERS, valid.filter((r) => r !== undefined), '\n'),
    );
    expect(copy.readers).toEqual(['copy']);
    expect(rows.report).toMatchObject({ committed: true, rowsWritten: 6, rowsInserted: 5, rowsUpdated: 1 });
    expect(JSON.stringify(copy.report)).toBe(JSON.stringify(rows.report));
    expect(copyStored).toEqual(rowsStored);
    expect(copyStored).toHaveLength(5);
  });

  it('keeps the rollups exact: one INSERT … SELECT fires the statement-level triggers once', async () => {
    await t.db.execute(sql`select rollups_rebuild(${TZ}, 48)`);
    const snapshot = () =>
      queryRows(t.db, sql`select * from rollup_customers order by grain, day, region_code, churn_category, competitor`);
    const lines = [CUSTOMER_ROWS[0], CUSTOMER_ROWS[1], CUSTOMER_ROWS[20], CUSTOMER_ROWS[21]].filter(
      (r): r is string => typeof r === 'string',
    );
    const first = await run('customers', () => file(CUSTOMERS, lines, '\n'), 'copy', {});
    // Again, with CMP-01 churned now: the update moves it between rollup rows.
    const churned = lines.map((l) => l.replace('2023-01-10T08:00:00Z,49.90,,,', '2023-01-10T08:00:00Z,49.90,2024-02-02,moved,'));
    const second = await run('customers', () => file(CUSTOMERS, churned, '\n'), 'copy', {});
    expect([first.readers, second.readers]).toEqual([['copy'], ['copy']]);
    expect(second.report).toMatchObject({ committed: true, rowsUpdated: 4 });
    const kept = await snapshot();
    await t.db.execute(sql`select rollups_rebuild(${TZ}, 48)`);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(await snapshot());
    await forget('customers');
  });

  it('bills', async () => {
    for (const skipInvalid of [false, true]) {
      const { rows, copy, rowsStored, copyStored } = await both('bills', () => file(BILLS, BILL_ROWS, '\n'), {
        skipInvalid,
      });
      expect(copy.readers).toEqual(['copy']);
      expect(JSON.stringify(copy.report)).toBe(JSON.stringify(rows.report));
      expect(copyStored).toEqual(rowsStored);
      expect(copyStored).toHaveLength(skipInvalid ? 3 : 0);
    }
  });

  it('a row the SQL doubts but the reader takes (-0): the staged rows are replayed row by row', async () => {
    const lines = ['CMP-40,,MAD,,,2023-01-10,-0,,,,,,,', 'CMP-41,,XXX,,,2023-01-10,10,,,,,,,'];
    const { rows, copy } = await both('customers', () => file(CUSTOMERS, lines, '\n'), { skipInvalid: true });
    expect(copy.readers).toEqual(['rows']);
    expect(rows.report.rowsWritten).toBe(1);
    expect(JSON.stringify(copy.report)).toBe(JSON.stringify(rows.report));
  });

  it('a stray quote: csv-parse reads the rest, with the same CSV error and line', async () => {
    const lines = [...CUSTOMER_ROWS.slice(0, 8), '"CMP-50\r\n",,MAD', 'CMP-51,x"y,MAD,,,2023-01-10,10,,,,,,,', 'CMP-52'];
    for (const eol of ['\n', '\r\n']) {
      const { rows, copy } = await both('customers', () => file(CUSTOMERS, lines, eol));
      expect(rows.report.csvError?.message).toContain('Invalid Opening Quote');
      expect(JSON.stringify(withoutCounts(copy.report))).toBe(JSON.stringify(withoutCounts(rows.report)));
      expect(copy.report.rowsRead).toBe(9);
    }
    const unclosed = await both('customers', () => file(CUSTOMERS, ['CMP-53,"open,MAD'], '\n'));
    expect(unclosed.rows.report.csvError?.message).toContain('Quote Not Closed');
    expect(JSON.stringify(withoutCounts(unclosed.copy.report))).toBe(JSON.stringify(withoutCounts(unclosed.rows.report)));
  });

  it('a refused header, an empty file and a column the plan does not read', async () => {
    for (const text of ['', '\n\n', 'account_number,nope\nX,1\n', 'account_number,region_code\n']) {
      const { rows, copy } = await both('customers', () => Readable.from([text]));
      expect(JSON.stringify(copy.report)).toBe(JSON.stringify(rows.report));
    }
  });
});
