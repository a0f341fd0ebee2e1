import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { importRuns } from '@/db/schema';
import type { ImportEntity } from '@/lib/schemas/import';
import { createTestDb, type TestDb } from '@/test/db';
import { executeImportRun, getImportRejects, getImportRun, listImportRuns, openImportRun } from './import-run';
import { csv, CUSTOMER_HEADER, seedBase, TZ } from '@/test/import-run';

let t: TestDb;
let adminId = 0;
beforeAll(async () => {
  t = await createTestDb();
  await seedBase(t.db);
  const rows = await queryRows<{ id: number }>(t.db, sql`select id from users where email = 'admin@holdfast.test'`);
  adminId = Number(rows[0]?.id);
});
afterAll(async () => {
  await t?.close();
});

const customerCount = async () =>
  Number((await queryRows<{ n: unknown }>(t.db, sql`select count(*) as n from customers`))[0]?.n);

async function run(entity: ImportEntity, input: Readable, skipInvalid: boolean, onProgress?: (n: number) => void) {
  const opened = await openImportRun(t.db, { entity, fileName: `${entity}.csv`, skipInvalid, startedById: adminId });
  const [row] = await t.db.select().from(importRuns).where(eq(importRuns.id, opened.id));
  expect(row).toMatchObject({ status: 'running', rowsRead: 0, finishedAt: null, startedById: adminId });
  const result = await executeImportRun(t.db, opened, input, { reportTz: TZ, ...(onProgress ? { onProgress } : {}) });
  return { id: opened.id, ...result };
}

const MIXED = [
  CUSTOMER_HEADER,
  'ACC-R1,MAD,2024-01-01,10.00,,,,',
  'ACC-R2,XXX,2024-01-01,10.00,,,,',
  'ACC-R3,CAT,2024-02-30,12.00,,,,',
  'ACC-R4,CAT,2024-01-01,14.00,,,,',
];

describe('import runs', () => {
  it('records an all-or-nothing import with invalid rows as rejected, with nothing written', async () => {
    const before = await customerCount();
    const { id, status, report } = await run('customers', csv(...MIXED), false);
    expect(status).toBe('rejected');
    expect(report).toMatchObject({ committed: false, rowsRead: 4, rowsWritten: 0, rowsRejected: 4, invalidRows: 2 });
    expect(await customerCount()).toBe(before);

    const stored = await getImportRun(t.db, id);
    expect(stored).toMatchObject({
      status: 'rejected',
      entity: 'customers',
      fileName: 'customers.csv',
      skipInvalid: false,
      rowsRead: 4,
      rowsWritten: 0,
      rowsRejected: 4,
      hasRejects: false,
      startedByEmail: 'admin@holdfast.test',
    });
    expect(stored.finishedAt).toBeInstanceOf(Date);
    expect(stored.report?.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [3, 'region_code', 'XXX'],
      [4, 'activated_at', '2024-02-30'],
    ]);
    await expect(getImportRejects(t.db, id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('records a skip-invalid import as committed and stores the rejects CSV', async () => {
    const before = await customerCount();
    const { id, status, report } = await run('customers', csv(...MIXED), true);
    expect(status).toBe('committed');
    expect(report).toMatchObject({ committed: true, rowsRead: 4, rowsWritten: 2, rowsRejected: 2 });
    expect(await customerCount()).toBe(before + 2);

    const stored = await getImportRun(t.db, id);
    expect(stored).toMatchObject({
      status: 'committed',
      rowsRead: 4,
      rowsWritten: 2,
      rowsRejected: 2,
      hasRejects: true,
    });
    expect(stored.report).not.toHaveProperty('rejectsCsv');
    const rejects = await getImportRejects(t.db, id);
    expect(rejects.csv.split('\n')[0]).toBe(`${CUSTOMER_HEADER},reason`);
    expect(rejects.csv).toContain('ACC-R2,XXX');
    expect(rejects.csv).toContain('ACC-R3,CAT,2024-02-30');
  });

  it('records a refused header as rejected', async () => {
    const { id, status } = await run('regions', csv('code,nmae', 'MAD,Madrid'), false);
    expect(status).toBe('rejected');
    expect((await getImportRun(t.db, id)).report?.headerError).toMatch(/unknown column "nmae"/);
  });

  it('records a failed import when the upload breaks off, and writes nothing', async () => {
    const before = await customerCount();
    async function* brokenUpload() {
      yield `${CUSTOMER_HEADER}\nACC-F1,MAD,2024-01-01,10.00,,,,\n`;
      await Promise.resolve();
      throw new Error('connection reset');
    }
    await expect(run('customers', Readable.from(brokenUpload()), true)).rejects.toThrow('connection reset');
    const [latest] = await listImportRuns(t.db, 1);
    expect(latest).toMatchObject({ status: 'failed', rowsWritten: 0 });
    expect(latest?.finishedAt).toBeInstanceOf(Date);
    expect(await customerCount()).toBe(before);
  });

  it('reports progress while a large import runs', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `BULK-${i},${i % 2 ? 'MAD' : 'CAT'},2024-01-01,9.99,,,,`);
    const seen: number[] = [];
    const { id, status } = await run('customers', csv(CUSTOMER_HEADER, ...rows), false, (n) => seen.push(n));
    expect(status).toBe('committed');
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[0]).toBeLessThan(10_000);
    expect(seen.at(-1)).toBe(10_000);
    expect(await getImportRun(t.db, id)).toMatchObject({ rowsRead: 10_000, rowsWritten: 10_000, rowsRejected: 0 });
  });

  it('lists the latest runs first', async () => {
    const runs = await listImportRuns(t.db);
    expect(runs.map((r) => r.status)).toEqual(['committed', 'failed', 'rejected', 'committed', 'rejected']);
    expect(runs[0]).toMatchObject({ entity: 'customers', startedByName: 'Ada' });
  });
});
