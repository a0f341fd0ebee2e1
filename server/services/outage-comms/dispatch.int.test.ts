import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { outageDispatches, outages } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import type { SessionUser } from '@/server/auth/session-user';
import { JobFailure } from '@/server/jobs/job-failure';
import { startJobRunner } from '@/server/jobs/runner';
import { createTestDb, type TestDb } from '@/test/db';
import { outageWorld } from '@/test/factories/outage-world';
import { startHttpReceiver } from '@/test/http-receiver';
import { createOutage } from '../outages/create';
import { httpProvisioningWebhook, httpSmsProvider, type OutageCommsAdapters } from './adapters';
import { runDispatch, type DispatchJob } from './run-dispatch';

/**
 * Send SMS and unlimited data against a real HTTP receiver: batches, auth header, failures and
 * retries, idempotency per (outage, customer), customers without a phone, and the milestone time.
 */
let t: TestDb;
let world: Awaited<ReturnType<typeof outageWorld>>;
let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;
const api = (user: SessionUser) => createCaller({ db: t.db, session: user }).outageComms;
const AUTH = 'Bearer sms-test-token';

/** A clock that moves a minute per reading, from 09:10Z. */
function clock() {
  let minute = 10;
  return () => new Date(Date.UTC(2026, 0, 20, 9, minute++));
}

const adapters = (batchSize: number): OutageCommsAdapters => ({
  sms: httpSmsProvider(receiver.url, AUTH),
  provisioning: httpProvisioningWebhook(receiver.url, 'Token hook-secret'),
  batchSize,
});

async function declare(regions: string[], postcodes: string[] = []) {
  const { ref } = await createOutage(
    t.db,
    world.people.manager,
    { title: 'Fibre cut', severity: 'major', startedAt: '2026-01-20T10:00', regions, postcodes },
    new Date('2026-01-20T12:00:00Z'),
  );
  const [row] = await t.db.select().from(outages).where(eq(outages.outageRef, ref));
  if (!row) throw new Error('no outage');
  return row;
}

/** What the receiver was sent: every accepted phone, in order. */
const acceptedPhones = () =>
  receiver.requests
    .filter((r) => r.status < 300)
    .flatMap((r) => (r.body as { messages: { to: string }[] }).messages.map((m) => m.to));

/** The job payload "Send SMS" queued, read back from pg-boss. */
async function queuedJob(outageId: number, channel: string): Promise<DispatchJob> {
  const [job] = await queryRows<{ data: DispatchJob }>(
    t.db,
    sql`select data from pgboss.job where name = 'outage-dispatch' and data->>'outageId' = ${String(outageId)}
      and data->>'channel' = ${channel} order by created_on desc limit 1`,
  );
  if (!job) throw new Error('no job queued');
  return typeof job.data === 'string' ? (JSON.parse(job.data) as DispatchJob) : job.data;
}

const clearQueue = () => t.db.execute(sql`delete from pgboss.job where name = 'outage-dispatch'`);

beforeAll(async () => {
  t = await createTestDb();
  world = await outageWorld(t.db);
  receiver = await startHttpReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

describe('Send SMS', () => {
  it('texts every affected customer with a phone in batches, retries a failed batch without texting anyone twice, and dates the milestone from the first accepted batch', async () => {
    const outage = await declare(['VAL'], ['46001']);
    const phones = ['+34600000001', '+34600000002', '+34600000003', '+34600000004'];
    for (const phone of phones) await world.customer({ region: 'VAL', postcode: '46001', phone });
    await world.customer({ region: 'VAL', postcode: '46001', phone: null });
    await world.customer({ region: 'VAL', postcode: null, phone: '+34600000099' }); // not affected: no listed postcode

    const manager = world.people.manager;
    await expect(api(manager).startDispatch({ ref: outage.outageRef, channel: 'sms' })).rejects.toThrow(
      'Write the SMS text first',
    );
    await api(manager).saveText({ ref: outage.outageRef, kind: 'sms', body: 'Fibre cut in 46001; back by 18:00.' });
    expect(await api(manager).startDispatch({ ref: outage.outageRef, channel: 'sms' })).toEqual({ queued: true });
    // A second click while the first waits adds no job.
    expect(await api(manager).startDispatch({ ref: outage.outageRef, channel: 'sms' })).toEqual({ queued: false });
    const job = await queuedJob(outage.id, 'sms');
    await clearQueue();

    receiver.requests.length = 0;
    const rowsBefore = await t.db.select().from(outageDispatches).where(eq(outageDispatches.outageId, outage.id));
    expect(rowsBefore).toEqual([]);
    const customerIds = await queryRows<{ id: number; phone: string }>(
      t.db,
      sql`select id, phone from customers where phone = any(${sql.param(phones)}::text[])`,
    );
    // The provider's idempotency key: the same for a customer on every attempt.
    const idOf = (phone: string) =>
      `${outage.outageRef}:sms:${String(customerIds.find((c) => c.phone === phone)?.id ?? '?')}`;
    receiver.failNext(500);
    const now = clock();
    const first = runDispatch(t.db, adapters(2), job, now);
    await expect(first).rejects.toThrow(JobFailure);
    await expect(first).rejects.toThrow('2 of 4 could not be sent (The SMS provider answered 500.)');
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests.map((r) => r.authorization)).toEqual([AUTH, AUTH]);
    expect(receiver.requests[0]?.body).toEqual({
      outage: outage.outageRef,
      text: 'Fibre cut in 46001; back by 18:00.',
      messages: phones.slice(0, 2).map((to) => ({ id: idOf(to), to })),
    });
    expect(acceptedPhones()).toEqual(phones.slice(2));
    const afterFirst = await api(manager).dispatchTotals({ ref: outage.outageRef });
    expect(afterFirst.sms).toMatchObject({ sent: 2, failed: 2, pending: 0, noPhone: 1, notStarted: 0 });
    expect(afterFirst.sms.failures.map((f) => [f.error, f.attempts])).toEqual([
      ['The SMS provider answered 500.', 1],
      ['The SMS provider answered 500.', 1],
    ]);
    // The milestone is the first accepted batch's time (the clock is read on acceptance only: 09:10Z), not the click's.
    const firstAccepted = new Date('2026-01-20T09:10:00Z');
    const [afterOne] = await t.db.select().from(outages).where(eq(outages.id, outage.id));
    expect(afterOne?.smsSentAt).toEqual(firstAccepted);
    expect(afterFirst.sms.firstSentAt).toBe(firstAccepted.toISOString());

    // The retry (pg-boss runs the same job again) sends only the failed batch.
    expect(await runDispatch(t.db, adapters(2), job, now)).toEqual({ added: 0, sent: 2, failed: 0 });
    expect(receiver.requests).toHaveLength(3);
    expect(acceptedPhones().sort()).toEqual(phones);
    const [afterRetry] = await t.db.select().from(outages).where(eq(outages.id, outage.id));
    expect(afterRetry?.smsSentAt).toEqual(firstAccepted);
    const totals = await api(manager).dispatchTotals({ ref: outage.outageRef });
    expect(totals.sms).toMatchObject({ sent: 4, failed: 0, pending: 0, noPhone: 1, notStarted: 0, failures: [] });

    // Re-sending texts nobody again; a customer who became affected since gets theirs alone.
    await runDispatch(t.db, adapters(2), job, now);
    expect(receiver.requests).toHaveLength(3);
    await world.customer({ region: 'VAL', postcode: '46001', phone: '+34600000005' });
    expect(await api(manager).startDispatch({ ref: outage.outageRef, channel: 'sms' })).toEqual({ queued: true });
    await runDispatch(t.db, adapters(2), await queuedJob(outage.id, 'sms'), now);
    await clearQueue();
    expect(receiver.requests).toHaveLength(4);
    expect(acceptedPhones().sort()).toEqual([...phones, '+34600000005']);
    const rows = await t.db.select().from(outageDispatches).where(eq(outageDispatches.outageId, outage.id));
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
  });

  it('through the job runner: a 500 then success is retried by pg-boss and nobody is texted twice', async () => {
    const outage = await declare(['VAL'], ['46002']);
    const before = receiver.requests.length;
    await world.customer({ region: 'VAL', postcode: '46002', phone: '+34611111111' });
    await world.customer({ region: 'VAL', postcode: '46002', phone: '+34611111112' });
    await api(world.people.admin).saveText({ ref: outage.outageRef, kind: 'sms', body: 'Outage in 46002.' });
    await api(world.people.admin).startDispatch({ ref: outage.outageRef, channel: 'sms' });
    receiver.failNext(503);
    const runner = await startJobRunner(t.db, {
      context: { db: t.db, mailer: null, appUrl: 'http://holdfast.test', outageComms: adapters(10) },
      pollingIntervalSeconds: 0.5,
      schedules: false,
      queues: ['outage-dispatch'],
    });
    try {
      const state = async () =>
        (
          await queryRows<{ state: string; retry_count: number }>(
            t.db,
            sql`select state, retry_count from pgboss.job where name = 'outage-dispatch'
              and data->>'outageId' = ${String(outage.id)}`,
          )
        )[0];
      await until(state, (s) => s?.state === 'retry');
      // Skip the backoff's wait rather than sit through it.
      await t.db.execute(sql`update pgboss.job set start_after = now() where name = 'outage-dispatch' and state = 'retry'`);
      const done = await until(state, (s) => s?.state === 'completed');
      expect(done?.retry_count).toBe(1);
    } finally {
      await runner.stop();
    }
    const mine = receiver.requests.slice(before);
    expect(mine.map((r) => r.status)).toEqual([503, 200]);
    const texted = mine.flatMap((r) => (r.body as { messages: { to: string }[] }).messages.map((m) => m.to));
    expect(texted).toEqual(['+34611111111', '+34611111112', '+34611111111', '+34611111112']);
    const totals = await api(world.people.admin).dispatchTotals({ ref: outage.outageRef });
    expect(totals.sms).toMatchObject({ sent: 2, failed: 0, pending: 0 });
  });

  it('reports an unreachable provider without naming its host', async () => {
    const outage = await declare(['MAD'], ['28003']);
    await world.customer({ region: 'MAD', postcode: '28003', phone: '+34622222222' });
    await api(world.people.manager).saveText({ ref: outage.outageRef, kind: 'sms', body: 'Down.' });
    await api(world.people.manager).startDispatch({ ref: outage.outageRef, channel: 'sms' });
    const job = await queuedJob(outage.id, 'sms');
    await clearQueue();
    const dead = { sms: httpSmsProvider('http://127.0.0.1:9/send', AUTH), provisioning: null, batchSize: 5 };
    await expect(runDispatch(t.db, dead, job)).rejects.toThrow(
      '1 of 1 could not be sent (The SMS provider could not be reached.); the job will retry them.',
    );
    const totals = await api(world.people.madManager).dispatchTotals({ ref: outage.outageRef });
    expect(totals.sms).toMatchObject({ sent: 0, failed: 1 });
    expect(JSON.stringify(totals)).not.toContain('127.0.0.1');
    const [row] = await t.db.select().from(outages).where(eq(outages.id, outage.id));
    expect(row?.smsSentAt).toBeNull();
  });
});

describe('Unlimited data', () => {
  it('calls the provisioning webhook per batch for every affected customer, phone or not, once each', async () => {
    const outage = await declare(['MAD'], ['28002']);
    const a = await world.customer({ region: 'MAD', postcode: '28002', phone: '+34633333333' });
    const b = await world.customer({ region: 'MAD', postcode: '28002', phone: null });
    const c = await world.customer({ region: 'MAD', postcode: '28002', phone: null });
    const job: DispatchJob = { outageId: outage.id, channel: 'unlimited_data', requestedBy: world.people.manager.id };
    const before = receiver.requests.length;
    receiver.failNext(502);
    const now = clock();
    await expect(runDispatch(t.db, adapters(2), job, now)).rejects.toThrow('The provisioning webhook answered 502.');
    expect(await runDispatch(t.db, adapters(2), job, now)).toMatchObject({ sent: 2, failed: 0 });
    const mine = receiver.requests.slice(before);
    expect(mine.map((r) => [r.status, r.authorization])).toEqual([
      [502, 'Token hook-secret'],
      [200, 'Token hook-secret'],
      [200, 'Token hook-secret'],
    ]);
    const granted = mine
      .filter((r) => r.status === 200)
      .flatMap((r) => (r.body as { customers: { account_number: string }[] }).customers.map((x) => x.account_number));
    expect(granted.sort()).toEqual([a.account, b.account, c.account].sort());
    expect(mine[1]?.body).toMatchObject({ outage: outage.outageRef, action: 'unlimited_data' });
    const [row] = await t.db.select().from(outages).where(eq(outages.id, outage.id));
    expect(row?.unlimitedDataAt).toEqual(new Date('2026-01-20T09:10:00Z'));
    const totals = await api(world.people.manager).dispatchTotals({ ref: outage.outageRef });
    expect(totals.unlimitedData).toMatchObject({ sent: 3, failed: 0, pending: 0, noPhone: 0, notStarted: 0 });
    // The Madrid manager's totals count Madrid's customers: all three here.
    expect((await api(world.people.madManager).dispatchTotals({ ref: outage.outageRef })).unlimitedData.sent).toBe(3);
  });

  it('is refused when no webhook is configured', async () => {
    const outage = await declare(['MAD']);
    await expect(api(world.people.manager).startDispatch({ ref: outage.outageRef, channel: 'unlimited_data' })).rejects.toThrow(
      'PROVISIONING_WEBHOOK_URL',
    );
  });
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
