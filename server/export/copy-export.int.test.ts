import path from 'node:path';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { customers } from '@/db/schema';
import type { ExportDataset } from '@/lib/schemas/exports';
import type { SessionUser } from '@/server/auth/session-user';
import { createTestDb, type TestDb } from '@/test/db';
import { ALL_TIME, exportBytes, lastExportAudit, lines, loadUsers, TZ } from '@/test/export-run';
import { seedBase } from '@/test/import-run';
import { importFixtureDirectory } from '../import/load-fixture';
import { CrlfRecords } from './crlf-records';
import { startExport } from './export-stream';

const FIXTURE = path.join(process.cwd(), 'server/metrics/fixtures/sample');
const DATASETS: ExportDataset[] = ['customers', 'retention_cases', 'disputes', 'outages', 'compensations'];

describe('CrlfRecords', () => {
  it('ends records in CRLF, keeps line breaks inside quotes, across any chunk split', () => {
    const input = Buffer.from('a,"x\ny",b\n"q""\n",c\n\n"",d\n');
    const expected = 'a,"x\ny",b\r\n"q""\n",c\r\n\r\n"",d\r\n';
    for (let split = 0; split <= input.length; split++) {
      const crlf = new CrlfRecords();
      const out = Buffer.concat([crlf.convert(input.subarray(0, split)), crlf.convert(input.subarray(split))]);
      expect(out.toString()).toBe(expected);
      expect(crlf.records).toBe(4);
    }
  });
});

// COPY needs a PostgreSQL server; on PGlite the export keeps its held cursor (cursor.int.test.ts).
describe.runIf(process.env.TEST_DATABASE_URL)('CSV exports through COPY on a server', () => {
  let t: TestDb;
  let users: Record<string, SessionUser>;
  const user = (key: string) => {
    const found = users[key];
    if (!found) throw new Error(`no user ${key}`);
    return found;
  };
  const both = async (
    who: SessionUser,
    dataset: ExportDataset,
    filters = ALL_TIME as Parameters<typeof exportBytes>[3],
  ) => {
    const cursor = await exportBytes(t.db, who, dataset, filters, 'csv', { reader: 'cursor' });
    const copy = await exportBytes(t.db, who, dataset, filters, 'csv', { reader: 'copy' });
    return { cursor: cursor.bytes, copy: copy.bytes };
  };

  beforeAll(async () => {
    t = await createTestDb();
    await importFixtureDirectory(t.db, FIXTURE, TZ);
    users = await loadUsers(t.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(DATASETS)('gives the same bytes as the cursor path for the fixture: %s', async (dataset) => {
    const { cursor, copy } = await both(user('admin'), dataset);
    expect(lines(copy).length).toBeGreaterThan(1);
    expect(copy.equals(cursor)).toBe(true);
  });

  it('gives the same bytes for an analyst (no names), a region and a rep, and audits the row count', async () => {
    const [rep] = await queryRows<{ email: string }>(
      t.db,
      sql`select email from users where role = 'rep' order by id limit 1`,
    );
    for (const [who, dataset, filters] of [
      ['analyst', 'customers', ALL_TIME],
      ['manager', 'compensations', { from: '2024-01-01', to: '2024-06-30', region: 'CAT' }],
      ['admin', 'disputes', { ...ALL_TIME, rep: rep?.email ?? 'none' }],
    ] as const) {
      const { cursor, copy } = await both(user(who), dataset, filters);
      expect(copy.equals(cursor)).toBe(true);
      expect((await lastExportAudit(t.db))?.details).toMatchObject({
        status: 'completed',
        rowCount: lines(copy).length - 1,
      });
    }
  });

  it('gives the same bytes for random text: quotes, line breaks, formula starts, unicode, empties and nulls', async () => {
    const fresh = await createTestDb();
    try {
      await seedBase(fresh.db);
      const admin = (await loadUsers(fresh.db)).admin;
      if (!admin) throw new Error('no admin');
      const piece = fc.constantFrom(
        '"',
        ',',
        '\n',
        '\r',
        '\r\n',
        '=',
        '+',
        '-',
        '@',
        '\t',
        "'",
        ' ',
        '\\.',
        '\\',
        ';',
        'é',
        '€',
        '😀',
        'ש',
        '\u2028',
        '\uFEFF',
        'a',
        'Z',
        '0',
      );
      const text = fc.oneof(
        fc.constant(null),
        fc.constant(''),
        fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
        fc.string({ unit: 'grapheme', maxLength: 12 }),
      );
      const rows = fc.sample(fc.record({ name: text, plan: text, churnReason: text, competitor: text }), 400);
      await fresh.db.insert(customers).values(
        rows.map((r, i) => ({
          ...r,
          accountNumber: i % 7 === 0 ? `=ACC-${i}` : `ACC-R${i}`,
          regionCode: i % 2 === 0 ? 'MAD' : 'CAT',
          activatedAt: new Date(Date.UTC(2024, i % 12, 1 + (i % 28), i % 24, 0, 0, i % 3 === 0 ? 0 : i)),
          monthlyFeeCents: i * 137,
          promoMonthlyDiscountCents: i % 5 === 0 ? null : i,
        })),
      );
      const cursor = await exportBytes(fresh.db, admin, 'customers', ALL_TIME, 'csv', { reader: 'cursor' });
      const copy = await exportBytes(fresh.db, admin, 'customers', ALL_TIME, 'csv', { reader: 'copy' });
      expect(lines(copy.bytes).length).toBeGreaterThan(400);
      expect(copy.bytes.toString('utf8')).toBe(cursor.bytes.toString('utf8'));
      expect(copy.bytes.equals(cursor.bytes)).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('a cut connection cancels the COPY, errors the stream, and the connection is usable again', async () => {
    const abort = new AbortController();
    const download = await startExport(
      t.db,
      user('admin'),
      { dataset: 'customers', format: 'csv', ...ALL_TIME },
      { signal: abort.signal, highWaterMark: 1024, reader: 'copy' },
    );
    const reader = download.stream.getReader();
    expect((await reader.read()).done).toBe(false);
    abort.abort();
    const ending = await (async () => {
      for (;;) if ((await reader.read()).done) return 'clean end';
    })().catch((error: unknown) => (error instanceof Error ? error.name : String(error)));
    expect(ending).toBe('ExportCancelledError');
    await expect.poll(async () => (await lastExportAudit(t.db))?.details.status).toBe('cancelled');
    // Every pooled connection answers: none is left paused in the middle of a COPY.
    const answers = await Promise.all(Array.from({ length: 12 }, () => queryRows(t.db, sql`select 1 as ok`)));
    expect(answers.flat()).toHaveLength(12);
  });

  it('a server error in the middle errors the stream and is audited as failed', async () => {
    const big = await createTestDb();
    try {
      await seedBase(big.db);
      await big.db
        .execute(sql`insert into customers (account_number, region_code, activated_at, monthly_fee_cents, name)
        select 'BIG-' || g, 'MAD', now(), g, repeat('x', 100) from generate_series(1, 60000) g`);
      const admin = (await loadUsers(big.db)).admin;
      if (!admin) throw new Error('no admin');
      const download = await startExport(
        big.db,
        admin,
        { dataset: 'customers', format: 'csv', ...ALL_TIME },
        { highWaterMark: 1024, reader: 'copy' },
      );
      const reader = download.stream.getReader();
      await reader.read();
      // The client reads nothing meanwhile, so the server is still sending when its backend goes.
      await expect
        .poll(async () => {
          const [row] = await queryRows<{ n: number }>(
            big.db,
            sql`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where query like 'copy (select%' and pid <> pg_backend_pid()`,
          );
          return row?.n;
        })
        .toBe(1);
      const ending = await (async () => {
        for (;;) if ((await reader.read()).done) return 'clean end';
      })().catch(() => 'error');
      expect(ending).toBe('error');
      await expect.poll(async () => (await lastExportAudit(big.db))?.details.status).toBe('failed');
    } finally {
      await big.close();
    }
  });
});
