import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { createTestDb, type TestDb } from '@/test/db';
import { importCsv } from './import-csv';
import { CUSTOMER_HEADER, errorLines, importLines, seedBase, TZ } from '@/test/import-run';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedBase(t.db);
});
afterAll(async () => {
  await t.close();
});

const fromText = (text: string | Buffer) =>
  importCsv(t.db, 'customers', Readable.from([text]), { skipInvalid: false, reportTz: TZ });
const customer = async (account: string) =>
  (
    await queryRows<{ name: string | null; activated: string; fee: unknown }>(
      t.db,
      sql`select name, to_char(activated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as activated, monthly_fee_cents as fee
        from customers where account_number = ${account}`,
    )
  )[0];

describe('the header', () => {
  it('refuses an unknown column before reading any row, naming it', async () => {
    const report = await importLines(t.db, 'customers', [
      'account_number,region_code,activated_at,monthly_fee,nmae',
      'ACC-9,MAD,2024-01-01,1.00,X',
    ]);
    expect(report.headerError).toMatch(/unknown column "nmae"/);
    expect(report).toMatchObject({ rowsRead: 0, rowsWritten: 0, committed: false });
  });

  it('refuses a missing required column, naming it', async () => {
    const report = await importLines(t.db, 'customers', [
      'account_number,region_code,activated_at,name',
      'ACC-9,MAD,2024-01-01,X',
    ]);
    expect(report.headerError).toBe('Header refused: missing required column "monthly_fee".');
  });

  it('refuses a repeated column and an empty file', async () => {
    expect((await importLines(t.db, 'regions', ['code,name,name'])).headerError).toMatch(/repeated column "name"/);
    expect((await fromText('')).headerError).toMatch(/The file is empty/);
  });

  it('trims header names and accepts any column order', async () => {
    const report = await importLines(t.db, 'customers', [
      ' monthly_fee , account_number,activated_at,region_code',
      '12.00,ACC-20,2024-01-01,MAD',
    ]);
    expect(report).toMatchObject({ committed: true, rowsInserted: 1 });
    expect(Number((await customer('ACC-20'))?.fee)).toBe(1200);
  });
});

describe('CSV details', () => {
  it('accepts a UTF-8 BOM and quoted fields holding commas, quotes and newlines, counting physical lines', async () => {
    const text = `\uFEFF${CUSTOMER_HEADER},name\r\nACC-21,MAD,2024-01-01,10.00,,,,,"Pérez, Ana ""la jefa""\r\nsegunda línea"\r\nACC-22,MAD,bad-date,10.00,,,,,Luis\r\n`;
    const report = await fromText(Buffer.from(text, 'utf8'));
    expect(errorLines(report)).toEqual([
      '4 activated_at bad-date: not a date; use YYYY-MM-DD or ISO 8601 with an offset, e.g. 2024-05-03T16:00:00+02:00',
    ]);
    const fixed = await fromText(Buffer.from(text.replace('bad-date', '2024-01-02'), 'utf8'));
    expect(fixed).toMatchObject({ committed: true, rowsRead: 2, rowsWritten: 2 });
    expect((await customer('ACC-21'))?.name).toBe('Pérez, Ana "la jefa"\r\nsegunda línea');
  });

  it('strips the formula-injection quote the exporter adds, and only that', async () => {
    const report = await importLines(t.db, 'customers', [
      `${CUSTOMER_HEADER},name`,
      `ACC-23,MAD,2024-01-01,10.00,,,,,'=SUM(A1)`,
      `ACC-24,MAD,2024-01-01,10.00,,,,,'-minus`,
      `ACC-25,MAD,2024-01-01,10.00,,,,,'quoted'`,
    ]);
    expect(report.committed).toBe(true);
    expect((await customer('ACC-23'))?.name).toBe('=SUM(A1)');
    expect((await customer('ACC-24'))?.name).toBe('-minus');
    expect((await customer('ACC-25'))?.name).toBe("'quoted'");
  });

  it('reads YYYY-MM-DD as midnight in REPORT_TZ, on both daylight-saving change days', async () => {
    const report = await importLines(t.db, 'customers', [
      CUSTOMER_HEADER,
      'ACC-26,MAD,2024-03-31,10.00,,,,',
      'ACC-27,MAD,2024-10-27,10.00,,,,',
      'ACC-28,MAD,2024-05-03T16:00:00+02:00,10.00,,,,',
    ]);
    expect(report.committed).toBe(true);
    expect((await customer('ACC-26'))?.activated).toBe('2024-03-30T23:00:00Z');
    expect((await customer('ACC-27'))?.activated).toBe('2024-10-26T22:00:00Z');
    expect((await customer('ACC-28'))?.activated).toBe('2024-05-03T14:00:00Z');
  });

  it('reports a row with the wrong number of fields as a row error', async () => {
    const report = await importLines(t.db, 'regions', ['code,name', 'VAL,Valencia,extra', 'GAL,Galicia'], {
      skipInvalid: true,
    });
    expect(errorLines(report)).toEqual([
      '2  : this row has 3 fields but the header has 2 (an unquoted comma or a missing field?)',
    ]);
    expect(report).toMatchObject({ committed: true, rowsWritten: 1, rowsRejected: 1 });
    expect(report.rejectsCsv).toBe(
      'code,name,reason\nVAL,Valencia,extra,this row has 3 fields but the header has 2 (an unquoted comma or a missing field?)\n',
    );
  });

  it('refuses malformed CSV (an unclosed quote) and writes nothing', async () => {
    const report = await importLines(t.db, 'regions', ['code,name', 'AST,Asturias', 'NAV,"Navarra'], {
      skipInvalid: true,
    });
    expect(report.csvError?.message).toMatch(/not valid CSV: Quote Not Closed/);
    expect(report).toMatchObject({ committed: false, rowsWritten: 0 });
    expect(await queryRows(t.db, sql`select code from regions where code = 'AST'`)).toEqual([]);
  });

  it('lets the last of two rows with one key win, counting both as written', async () => {
    const report = await importLines(t.db, 'regions', ['code,name', 'ARA,Aragon', 'ARA,Aragón']);
    expect(report).toMatchObject({ committed: true, rowsRead: 2, rowsInserted: 1, rowsUpdated: 1 });
    expect(await queryRows(t.db, sql`select name from regions where code = 'ARA'`)).toEqual([{ name: 'Aragón' }]);
  });
});
