import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRuns } from '@/db/schema';
import { createTestDb, type TestDb } from '@/test/db';
import { failAbandonedImportRuns } from './abandoned-runs';
import { executeImportRun, getImportRun, listImportRuns, openImportRun } from './import-run';
import { CUSTOMER_HEADER, seedBase, TZ } from '@/test/import-run';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedBase(t.db);
});
afterAll(async () => {
  await t?.close();
});

/** A running run whose last heartbeat was `secondsAgo` seconds ago, as a dead process leaves it. */
async function runningRun(secondsAgo: number): Promise<number> {
  const run = await openImportRun(t.db, {
    entity: 'regions',
    fileName: 'r.csv',
    skipInvalid: false,
    startedById: null,
  });
  await t.db
    .update(importRuns)
    .set({ heartbeatAt: sql`now() - make_interval(secs => ${secondsAgo})` })
    .where(eq(importRuns.id, run.id));
  return run.id;
}

const statusOf = async (id: number) => (await t.db.select().from(importRuns).where(eq(importRuns.id, id)))[0];

describe('runs whose process stopped', () => {
  it('are marked failed, with the reason, when the history is listed; live ones keep running', async () => {
    const dead = await runningRun(300);
    const live = await runningRun(2);
    const runs = await listImportRuns(t.db);
    const listedDead = runs.find((r) => r.id === dead);
    expect(listedDead).toMatchObject({ status: 'failed' });
    expect(listedDead?.failureReason).toMatch(
      /^the importing process stopped \(no heartbeat since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)$/,
    );
    expect(listedDead?.finishedAt).toBeInstanceOf(Date);
    expect(runs.find((r) => r.id === live)).toMatchObject({ status: 'running', failureReason: null });
    await t.db.update(importRuns).set({ status: 'failed' }).where(eq(importRuns.id, live));
  });

  it('are marked failed when one run is read, too', async () => {
    const dead = await runningRun(61);
    expect(await getImportRun(t.db, dead)).toMatchObject({ status: 'failed' });
  });

  it('at start-up on PGlite: every running run (no other process can hold the directory)', async () => {
    const recent = await runningRun(1);
    expect(await failAbandonedImportRuns({ db: t.db, driver: 'pglite' })).toBe(1);
    expect(await statusOf(recent)).toMatchObject({ status: 'failed' });
  });

  it('at start-up on a server: only runs whose heartbeat is stale (other instances may be importing)', async () => {
    const recent = await runningRun(1);
    const stale = await runningRun(120);
    expect(await failAbandonedImportRuns({ db: t.db, driver: 'postgres' })).toBe(1);
    expect(await statusOf(stale)).toMatchObject({ status: 'failed' });
    expect(await statusOf(recent)).toMatchObject({ status: 'running' });
    await t.db.update(importRuns).set({ status: 'failed' }).where(eq(importRuns.id, recent));
  });
});

describe('a working run', () => {
  it('refreshes its heartbeat and rows read while the file streams in, readable meanwhile', async () => {
    const run = await openImportRun(t.db, {
      entity: 'customers',
      fileName: 'slow.csv',
      skipInvalid: false,
      startedById: null,
    });
    const opened = await statusOf(run.id);
    async function* slowUpload() {
      yield `${CUSTOMER_HEADER}\n`;
      for (let i = 0; i < 12; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        yield `ACC-HB${i},MAD,2024-01-01,10.00,,,,\n`;
      }
    }
    const done = executeImportRun(t.db, run, Readable.from(slowUpload()), {
      reportTz: TZ,
      batchSize: 2,
      heartbeatMs: 200,
    });
    let settled = false;
    void done.finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 900));
    const midway = await statusOf(run.id);
    // Read while the import still works: on PGlite too, the run does not hold the one connection.
    expect(settled).toBe(false);
    expect(midway?.status).toBe('running');
    expect(midway?.heartbeatAt?.getTime()).toBeGreaterThan(opened?.heartbeatAt?.getTime() ?? Infinity);
    expect(midway?.rowsRead).toBeGreaterThan(0);
    expect((await done).status).toBe('committed');
    expect(await statusOf(run.id)).toMatchObject({ status: 'committed', rowsRead: 12, failureReason: null });
  });

  it('that fails records why, in words', async () => {
    const run = await openImportRun(t.db, {
      entity: 'customers',
      fileName: 'x.csv',
      skipInvalid: false,
      startedById: null,
    });
    async function* brokenUpload() {
      yield `${CUSTOMER_HEADER}\nACC-X1,MAD,2024-01-01,10.00,,,,\n`;
      await Promise.resolve();
      throw new Error('socket hang up');
    }
    await expect(executeImportRun(t.db, run, Readable.from(brokenUpload()), { reportTz: TZ })).rejects.toThrow();
    expect(await getImportRun(t.db, run.id)).toMatchObject({
      status: 'failed',
      failureReason: 'the upload was interrupted before the end of the file',
    });
  });
});
