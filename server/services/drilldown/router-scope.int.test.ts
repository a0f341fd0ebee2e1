import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import type { SessionUser } from '@/server/auth/session-user';
import { testRows } from '@/test/factories/metric-rows';
import { createTestDb, type TestDb } from '@/test/db';

const user = (role: SessionUser['role'], email: string, regionCode: string | null = null): SessionUser => ({
  id: 1,
  email,
  name: email,
  role,
  regionCode,
});
const madManager = user('manager', 'boss.mad@t.test', 'MAD');
const analyst = user('analyst', 'numbers@t.test');
const period = { from: '2024-01-01', to: '2024-01-31' };

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  await rows.region('MAD');
  await rows.region('CAT');
  const mad = await rows.customer({
    region: 'MAD',
    activated: '2023-01-01T00:00:00Z',
    churned: '2024-01-10T10:00:00Z',
  });
  const cat = await rows.customer({
    region: 'CAT',
    activated: '2023-01-01T00:00:00Z',
    churned: '2024-01-11T10:00:00Z',
  });
  for (const customerId of [mad, cat, cat]) {
    await rows.dispute({ customerId, opened: '2024-01-05T10:00:00Z', status: 'open' });
    await rows.compensation({ customerId, kind: 'goodwill', amount: 500, issued: '2024-01-06T10:00:00Z' });
  }
});
afterAll(async () => {
  await t?.close();
});

const caller = (session: SessionUser | null) => createCaller({ db: t.db, session });
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );

describe('cases router scope', () => {
  it('forbids a regional manager another region, whatever the input says', async () => {
    const cases = caller(madManager).cases;
    expect(await code(cases.disputes({ ...period, region: 'CAT' }))).toBe('FORBIDDEN');
    expect(await code(cases.retentionCases({ ...period, region: 'CAT' }))).toBe('FORBIDDEN');
    expect(await code(cases.churnedCustomers({ ...period, region: 'CAT' }))).toBe('FORBIDDEN');
    expect(await code(cases.compensations({ ...period, region: 'CAT' }))).toBe('FORBIDDEN');
  });

  it('pins a regional manager to the home region when none is asked for', async () => {
    const cases = caller(madManager).cases;
    const disputes = await cases.disputes(period);
    expect(disputes.total).toBe(1);
    expect(disputes.rows.map((r) => r.region)).toEqual(['MAD']);
    expect((await cases.compensations(period)).rows.map((r) => r.region)).toEqual(['MAD']);
    expect((await cases.churnedCustomers(period)).rows.map((r) => r.region)).toEqual(['MAD']);
  });

  it('lets an analyst choose any region', async () => {
    const cases = caller(analyst).cases;
    expect((await cases.disputes(period)).total).toBe(3);
    expect((await cases.disputes({ ...period, region: 'CAT' })).total).toBe(2);
  });

  it('keeps reps and anonymous callers out', async () => {
    expect(await code(caller(user('rep', 'ana@t.test', 'MAD')).cases.disputes(period))).toBe('FORBIDDEN');
    expect(await code(caller(null).cases.disputes(period))).toBe('UNAUTHORIZED');
  });

  it('refuses an unknown sort key or narrowing value as a bad request', async () => {
    const cases = caller(analyst).cases;
    expect(await code(cases.disputes({ ...period, sort: 'opened_at; drop table users' as never }))).toBe('BAD_REQUEST');
    expect(await code(cases.disputes({ ...period, cause: 'nope' as never }))).toBe('BAD_REQUEST');
    expect(await code(cases.disputes({ from: '2024-02-01', to: '2024-01-01' }))).toBe('BAD_REQUEST');
  });
});
