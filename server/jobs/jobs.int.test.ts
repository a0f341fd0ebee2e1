import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, queryRows, type Db } from '@/db/client';
import { createTestDb, type TestDb } from '@/test/db';
import { enqueueJob } from './enqueue';
import type { JobContext, JobHandler } from './job-context';
import { JobFailure } from './job-failure';
import { startJobRunner, type JobRunner } from './runner';

interface JobRow {
  id: string;
  state: string;
  retry_count: number;
  singleton_key: string | null;
  output: { message?: string; stack?: string } | null;
}

const jobsOf = (db: Db, queue: string) =>
  queryRows<JobRow>(
    db,
    sql`select id, state, retry_count, singleton_key, output from pgboss.job where name = ${queue} order by created_on`,
  );

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const context = (db: Db): JobContext => ({ db, mailer: null, appUrl: 'http://holdfast.test' });

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb.close();
});

describe('enqueueJob', () => {
  it("inserts the job in the caller's transaction: rolled back together, committed together", async () => {
    const { db } = testDb;
    await expect(
      db.transaction(async (tx) => {
        await enqueueJob(tx, 'notification-email', { notificationId: 101 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await jobsOf(db, 'notification-email')).toHaveLength(0);

    await db.transaction(async (tx) => {
      await enqueueJob(tx, 'notification-email', { notificationId: 102 });
    });
    const jobs = await jobsOf(db, 'notification-email');
    expect(jobs.map((j) => [j.state, j.singleton_key])).toEqual([['created', 'notification:102']]);
  });

  it('drops a duplicate of a waiting job (singleton key) and refuses a payload outside the schema', async () => {
    const { db } = testDb;
    const first = await enqueueJob(db, 'notify', { kind: 'credit_pending', creditRequestId: 7 });
    const second = await enqueueJob(db, 'notify', { kind: 'credit_pending', creditRequestId: 7 });
    const other = await enqueueJob(db, 'notify', { kind: 'credit_decided', creditRequestId: 7 });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(other).toEqual(expect.any(String));
    expect((await jobsOf(db, 'notify')).map((j) => j.singleton_key)).toEqual([
      'credit_pending:credit:7',
      'credit_decided:credit:7',
    ]);
    await expect(enqueueJob(db, 'notify', { kind: 'credit_pending', creditRequestId: -1 })).rejects.toThrow();
  });
});

describe('the runner', () => {
  let runner: JobRunner | null = null;
  afterAll(async () => {
    await runner?.stop();
  });

  it('retries a failing job with growing delays, then records a failure without a stack trace', async () => {
    const { db } = testDb;
    await db.execute(sql`delete from pgboss.job where name = 'notification-email'`);
    const attempts: Record<number, number[]> = {};
    const flaky: JobHandler<'notification-email'> = (_context, { notificationId }) => {
      (attempts[notificationId] ??= []).push(Date.now());
      if (notificationId === 1 && (attempts[1]?.length ?? 0) < 3) {
        return Promise.reject(new Error('connect ECONNREFUSED 10.1.2.3:25 select * from secrets'));
      }
      if (notificationId === 2)
        return Promise.reject(new JobFailure('The SMTP server refused the message (reply 550).'));
      return Promise.resolve();
    };
    runner = await startJobRunner(db, {
      context: context(db),
      pollingIntervalSeconds: 0.5,
      schedules: false,
      queues: ['notification-email'],
      handlers: { 'notification-email': flaky },
    });
    await runner.boss.updateQueue('notification-email', {
      name: 'notification-email',
      policy: 'short',
      retryLimit: 2,
      retryDelay: 1,
      retryBackoff: true,
    });
    await enqueueJob(db, 'notification-email', { notificationId: 1 });
    await enqueueJob(db, 'notification-email', { notificationId: 2 });

    const jobs = await until(
      () => jobsOf(db, 'notification-email'),
      (rows) => rows.length === 2 && rows.every((r) => r.state === 'completed' || r.state === 'failed'),
    );
    const [succeeded, failed] = jobs;
    expect(succeeded?.state).toBe('completed');
    expect(succeeded?.retry_count).toBe(2);
    const [a1 = 0, a2 = 0, a3 = 0] = attempts[1] ?? [];
    // Backoff: retry n waits between delay·2^n/2 and delay·2^n (1–2 s, then 2–4 s), plus polling.
    expect(a2 - a1).toBeGreaterThanOrEqual(1_000);
    expect(a3 - a2).toBeGreaterThanOrEqual(2_000);
    expect(failed?.state).toBe('failed');
    expect(attempts[2]).toHaveLength(3);
    expect(failed?.output?.message).toBe('The SMTP server refused the message (reply 550).');
    expect(failed?.output?.stack).toBeUndefined();
    await runner.stop();
    runner = null;
  }, 60_000);

  it('shows an unexpected error only as an error id', async () => {
    const { db } = testDb;
    await db.execute(sql`delete from pgboss.job where name = 'notification-email'`);
    runner = await startJobRunner(db, {
      context: context(db),
      pollingIntervalSeconds: 0.5,
      schedules: false,
      queues: ['notification-email'],
      handlers: {
        'notification-email': () =>
          Promise.reject(new Error('password authentication failed for user "holdfast" at db.internal:5432')),
      },
    });
    await runner.boss.updateQueue('notification-email', { name: 'notification-email', policy: 'short', retryLimit: 0 });
    await enqueueJob(db, 'notification-email', { notificationId: 3 });
    const [job] = await until(
      () => jobsOf(db, 'notification-email'),
      (rows) => rows[0]?.state === 'failed',
    );
    expect(job?.output?.message).toMatch(/^Unexpected error; details in the server log under error id [0-9a-f]{8}\.$/);
    expect(JSON.stringify(job?.output)).not.toMatch(/password|db\.internal|5432/);
    await runner.stop();
    runner = null;
  }, 60_000);
});

describe('a restart', () => {
  it('keeps a job enqueued before the stop and works it after the start (embedded database on disk)', async () => {
    if (testDb.driver !== 'pglite') return; // on a server, jobs are rows like any other; the PGlite directory is the case to prove
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-jobs-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await migrateDatabase(first);
      await enqueueJob(first.db, 'notification-email', { notificationId: 9 });
      await first.close();

      const second = await openDatabase({ dataDir: dir });
      await migrateDatabase(second);
      const worked: number[] = [];
      const runner = await startJobRunner(second.db, {
        context: context(second.db),
        pollingIntervalSeconds: 0.5,
        schedules: false,
        queues: ['notification-email'],
        handlers: {
          'notification-email': (_c, { notificationId }) => {
            worked.push(notificationId);
            return Promise.resolve();
          },
        },
      });
      try {
        await until(
          () => Promise.resolve(worked),
          (list) => list.length > 0,
        );
        expect(worked).toEqual([9]);
      } finally {
        await runner.stop();
        await second.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
