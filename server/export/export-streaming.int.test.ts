import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Db } from '@/db/client';
import { customers } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session-user';
import { createTestDb, type TestDb } from '@/test/db';
import { importCsv } from '../import/import-csv';
import { importFixtureDirectory } from '../import/load-fixture';
import { seedBase } from '@/test/import-run';
import { startExport } from './export-stream';
import { ALL_TIME, exportBytes, lastExportAudit, lines, loadUsers, readAll, TZ } from '@/test/export-run';

let t: TestDb;
let users: Record<string, SessionUser>;

function user(key: string): SessionUser {
  const found = users[key];
  if (!found) throw new Error(`no user ${key}`);
  return found;
}

beforeAll(async () => {
  t = await createTestDb();
  await importFixtureDirectory(t.db, FIXTURE, TZ);
  users = await loadUsers(t.db);
});
afterAll(async () => {
  await t?.close();
});

const FIXTURE = path.join(process.cwd(), 'server/metrics/fixtures/sample');

describe('formula injection', () => {
  it('guards text cells in CSV and XLSX, not numbers or dates, and the guard re-imports away', async () => {
    const fresh = await createTestDb();
    try {
      await seedBase(fresh.db);
      await fresh.db.insert(customers).values({
        accountNumber: '-ACC-9',
        regionCode: 'MAD',
        activatedAt: new Date('2030-12-31T23:00:00Z'),
        monthlyFeeCents: 0,
        name: '=HYPERLINK("http://x";"y")',
        plan: '+34 600',
        churnReason: '@reason\ttab',
        competitor: "'=quoted",
      });
      const admin = (await loadUsers(fresh.db)).admin;
      if (!admin) throw new Error('no admin');
      const period = { from: '2031-01-01', to: '2031-01-01' };

      const csv = lines((await exportBytes(fresh.db, admin, 'customers', period)).bytes);
      expect(csv.find((line) => line.includes('ACC-9'))).toBe(
        `'-ACC-9,MAD,2031-01-01T00:00:00+01:00,0.00,"'=HYPERLINK(""http://x"";""y"")",,,'+34 600,,,'@reason\ttab,''=quoted,,,`,
      );

      const xlsx = (await exportBytes(fresh.db, admin, 'customers', period, 'xlsx')).bytes;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
      const rows = (workbook.worksheets[0]?.getSheetValues() ?? []) as unknown[][];
      const cells = (rows.find((r) => Array.isArray(r) && r[1] === "'-ACC-9") ?? []).slice(1);
      expect(cells.slice(0, 8)).toEqual([
        "'-ACC-9",
        'MAD',
        '2031-01-01T00:00:00+01:00',
        0,
        `'=HYPERLINK("http://x";"y")`,
        undefined,
        undefined,
        "'+34 600",
      ]);

      const again = await createTestDb();
      try {
        await seedBase(again.db);
        const csvBytes = (await exportBytes(fresh.db, admin, 'customers', period)).bytes;
        expect(
          (await importCsv(again.db, 'customers', Readable.from([csvBytes]), { skipInvalid: false, reportTz: TZ }))
            .committed,
        ).toBe(true);
        const [stored] = await queryRows<Record<string, string>>(
          again.db,
          sql`select account_number, name, plan, churn_reason, competitor from customers where account_number like '%ACC-9'`,
        );
        expect(stored).toEqual({
          account_number: '-ACC-9',
          name: '=HYPERLINK("http://x";"y")',
          plan: '+34 600',
          churn_reason: '@reason\ttab',
          competitor: "'=quoted",
        });
      } finally {
        await again.close();
      }
    } finally {
      await fresh.close();
    }
  });
});

describe('streaming', () => {
  it('audits a finished export with its row count and filters', async () => {
    const { bytes } = await exportBytes(t.db, user('manager'), 'compensations', {
      from: '2024-01-01',
      to: '2024-06-30',
      region: 'CAT',
    });
    const audit = await lastExportAudit(t.db);
    expect(audit).toMatchObject({
      actor_id: user('manager').id,
      entity: 'compensations',
      details: {
        format: 'csv',
        status: 'completed',
        rowCount: lines(bytes).length - 1,
        filters: { from: '2024-01-01', to: '2024-06-30', region: 'CAT', rep: null },
      },
    });
  });

  it('a cut connection stops the cursor and errors the stream, never a clean end', async () => {
    const abort = new AbortController();
    const download = await startExport(
      t.db,
      user('admin'),
      { dataset: 'customers', format: 'csv', ...ALL_TIME },
      { signal: abort.signal, batchSize: 100, highWaterMark: 16 * 1024 },
    );
    const reader = download.stream.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    abort.abort();
    let received = first.value?.byteLength ?? 0;
    const ending = await (async () => {
      for (;;) {
        const next = await reader.read();
        if (next.done) return 'clean end';
        received += next.value.byteLength;
      }
    })().catch((error: unknown) => (error instanceof Error ? error.name : String(error)));
    expect(ending).toBe('ExportCancelledError');
    expect(received).toBeLessThan(200_000);

    const audit = await lastExportAudit(t.db);
    expect(audit?.details).toMatchObject({ status: 'cancelled', error: expect.stringMatching(/aborted/) as unknown });
    expect(Number(audit?.details.rowCount)).toBeLessThan(3000);
    // The transaction is over: the database answers (PGlite would wait forever behind an open one).
    expect(await queryRows(t.db, sql`select 1 as ok`)).toEqual([{ ok: 1 }]);
  });

  it('a client that cancels the body stops the export too', async () => {
    const download = await startExport(
      t.db,
      user('admin'),
      { dataset: 'customers', format: 'xlsx', ...ALL_TIME },
      { batchSize: 100, highWaterMark: 16 * 1024 },
    );
    const before = (await lastExportAudit(t.db))?.id ?? 0;
    const reader = download.stream.getReader();
    await reader.read();
    await reader.cancel();
    await expect.poll(async () => (await lastExportAudit(t.db))?.id ?? 0).toBeGreaterThan(before);
    expect((await lastExportAudit(t.db))?.details).toMatchObject({
      format: 'xlsx',
      status: 'cancelled',
      error: expect.stringMatching(/cancelled/) as unknown,
    });
  });

  it('a database error in the middle errors the stream and is audited with the error', async () => {
    const failing = failOnCall(t.db, 5, 'connection to the database lost');
    const download = await startExport(
      failing,
      user('admin'),
      { dataset: 'customers', format: 'csv', ...ALL_TIME },
      // The failure is injected into the cursor's statements; copy-export.int.test.ts covers COPY.
      { batchSize: 100, reader: 'cursor' },
    );
    await expect(readAll(download.stream)).rejects.toThrow('connection to the database lost');
    expect((await lastExportAudit(t.db))?.details).toMatchObject({
      status: 'failed',
      rowCount: 200,
      error: 'connection to the database lost',
    });
  });
});

/** The database, except that the transaction's `n`th statement fails (1 set_config, 2 declare, then fetches). */
function failOnCall(db: Db, n: number, message: string): Db {
  let calls = 0;
  const wrapTx = (tx: Db): Db =>
    new Proxy(tx, {
      get(target, property, receiver) {
        if (property === 'execute') {
          return (...args: Parameters<Db['execute']>) => {
            calls += 1;
            return calls === n ? Promise.reject(new Error(message)) : target.execute(...args);
          };
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'transaction') {
        return (run: (tx: Db) => Promise<unknown>, config?: Parameters<Db['transaction']>[1]) =>
          target.transaction((tx) => run(wrapTx(tx as unknown as Db)), config);
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
