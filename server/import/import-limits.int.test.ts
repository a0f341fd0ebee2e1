import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { createTestDb, type TestDb } from '@/test/db';
import { putSetting } from '../services/settings';
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

const customerCount = async () =>
  Number((await queryRows<{ n: unknown }>(t.db, sql`select count(*) as n from customers`))[0]?.n);

/** A customers file from raw byte chunks, to place invalid UTF-8 (and chunk boundaries) exactly. */
function bytes(...chunks: Array<string | number[]>): Readable {
  return Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c))));
}

describe('invalid UTF-8', () => {
  it('refuses the row, naming line and column, and writes nothing (all or nothing)', async () => {
    const before = await customerCount();
    const report = await importCsv(
      t.db,
      'customers',
      bytes(
        `${CUSTOMER_HEADER}\nACC-7,MAD,2024-01-01,10.00,,,,\nACC-8,MAD,2024-01-01,10.00,`,
        [0x43, 0xe9, 0x73],
        `,,,\n`,
      ),
      { skipInvalid: false, reportTz: TZ },
    );
    expect(report.committed).toBe(false);
    expect(report.rowsWritten).toBe(0);
    // Latin-1 "Cés": é is one byte 0xE9, not UTF-8.
    expect(errorLines(report)).toEqual([
      '3 churned_at C\uFFFDs: is not valid UTF-8 (the bytes shown as \uFFFD); save the file as UTF-8',
    ]);
    expect(await customerCount()).toBe(before);
  });

  it('accepts a multi-byte character split across chunks, and a real U+FFFD in the text', async () => {
    const euro = [...Buffer.from('€', 'utf8')];
    const report = await importCsv(
      t.db,
      'regions',
      bytes('code,name\nGAL,Gal', euro.slice(0, 1), euro.slice(1), 'icia\nAST,Ast\uFFFDurias\n'),
      { skipInvalid: false, reportTz: TZ },
    );
    expect(errorLines(report)).toEqual([]);
    expect(report.committed).toBe(true);
    const names = await queryRows<{ name: string }>(
      t.db,
      sql`select name from regions where code in ('GAL', 'AST') order by code`,
    );
    expect(names.map((r) => r.name)).toEqual(['Ast\uFFFDurias', 'Gal€icia']);
  });

  it('lists the row in the rejects under skipInvalid and writes the others', async () => {
    const report = await importCsv(t.db, 'regions', bytes('code,name\nNAV,Navarra\nRIO,', [0xff, 0xfe], '\n'), {
      skipInvalid: true,
      reportTz: TZ,
    });
    expect(report).toMatchObject({ committed: true, rowsWritten: 1, invalidRows: 1 });
    expect(errorLines(report)).toEqual([
      '3 name \uFFFD\uFFFD: is not valid UTF-8 (the bytes shown as \uFFFD); save the file as UTF-8',
    ]);
  });
});

describe('longest cell', () => {
  it('refuses a cell over the maxImportCellLength setting, quoting only its start', async () => {
    await putSetting(t.db, 'maxImportCellLength', 20);
    try {
      const long = `X${'y'.repeat(20)}`;
      const report = await importLines(t.db, 'regions', ['code,name', 'EXT,Extremadura', `LNG,${long}`, 'ARA,Aragón']);
      expect(report).toMatchObject({ committed: false, rowsWritten: 0, invalidRows: 1 });
      expect(errorLines(report)).toEqual([`3 name ${long}: is 21 characters long; a cell may have at most 20`]);
      // Characters, not UTF-16 units: 20 emoji are 40 units and pass.
      const emoji = '😀'.repeat(20);
      expect((await importLines(t.db, 'regions', ['code,name', `EMO,${emoji}`])).committed).toBe(true);
    } finally {
      await putSetting(t.db, 'maxImportCellLength', 10_000);
    }
  });

  it('defaults to 10,000 characters and shortens the quoted value in the report', async () => {
    const report = await importLines(t.db, 'regions', ['code,name', `BIG,${'z'.repeat(10_001)}`]);
    expect(report.errors).toEqual([
      {
        line: 2,
        column: 'name',
        value: `${'z'.repeat(80)}…`,
        reason: 'is 10,001 characters long; a cell may have at most 10,000',
      },
    ]);
    expect((await importLines(t.db, 'regions', ['code,name', `BIG,${'z'.repeat(10_000)}`])).committed).toBe(true);
  });
});
