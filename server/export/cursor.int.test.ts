import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { createTestDb, type TestDb } from '@/test/db';
import { forEachBatch } from './cursor';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const numbers = sql`select n, to_char(timestamptz '2024-07-01 12:00:00+00', 'HH24:MI TZH') as noon
                    from generate_series(1, 1000) as n order by n`;
const openCursors = async () =>
  (await queryRows<{ name: string }>(t.db, sql`select name from pg_cursors where name like 'holdfast_export_%'`))
    .length;

describe('forEachBatch', () => {
  it('reads every row once, in order, formatted in the export time zone', async () => {
    const seen: number[] = [];
    let noon = '';
    await forEachBatch(t.db, numbers, {
      batchSize: 300,
      timezone: 'Europe/Madrid',
      signal: new AbortController().signal,
      onBatch: (rows) => {
        for (const row of rows) seen.push(Number(row.n));
        noon = String(rows[0]?.noon);
        return Promise.resolve();
      },
    });
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(noon).toBe('14:00 +02');
    expect(await openCursors()).toBe(0);
  });

  it('lets other queries answer while a slow client downloads (PGlite has one connection)', async () => {
    let finished = false;
    const exporting = forEachBatch(t.db, numbers, {
      batchSize: 100,
      timezone: 'UTC',
      signal: new AbortController().signal,
      onBatch: () => new Promise((resolve) => setTimeout(resolve, 100)),
    }).then(() => (finished = true));
    await new Promise((resolve) => setTimeout(resolve, 250));
    const t0 = performance.now();
    await queryRows(t.db, sql`select 1`);
    const waited = performance.now() - t0;
    expect(finished).toBe(false);
    expect(waited).toBeLessThan(500);
    await exporting;
  });

  it('closes the cursor when the export is aborted', async () => {
    const abort = new AbortController();
    const exporting = forEachBatch(t.db, numbers, {
      batchSize: 100,
      timezone: 'UTC',
      signal: abort.signal,
      onBatch: () => {
        abort.abort();
        return Promise.resolve();
      },
    });
    await expect(exporting).rejects.toThrow(/abort/i);
    expect(await openCursors()).toBe(0);
  });
});
