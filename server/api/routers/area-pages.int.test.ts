import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
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
const all: DashboardQueryInput = { from: '2024-01-01', to: '2024-01-31', region: null, rep: null };

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  await rows.region('MAD');
  await rows.region('CAT');
  const mad = await rows.customer({ region: 'MAD', activated: '2023-01-01T00:00:00Z' });
  const cat = await rows.customer({ region: 'CAT', activated: '2023-01-01T00:00:00Z' });
  for (const customerId of [mad, cat, cat]) {
    await rows.dispute({ customerId, opened: '2024-01-05T10:00:00Z', status: 'open', billNumber: 1 });
    await rows.compensation({ customerId, kind: 'goodwill', amount: 500, issued: '2024-01-06T10:00:00Z' });
  }
  await rows.outage({ started: '2024-01-07T10:00:00Z', regions: ['CAT'] });
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

/** Every query of the three area routers, called with one input. */
function everyQuery(session: SessionUser | null, input: DashboardQueryInput) {
  const c = caller(session);
  return [
    c.disputes.summary(input),
    c.disputes.causeMonthly(input),
    c.disputes.backlogAgeing(input),
    c.disputes.byRep(input),
    c.disputes.firstBillBySeller(input),
    c.outages.summary(input),
    c.outages.list(input),
    c.compensation.summary(input),
    c.compensation.kindMonthly(input),
    c.compensation.creditOutliers(input),
  ];
}

describe('area routers scope', () => {
  it('forbids a regional manager another region, whatever the input says', async () => {
    const codes = await Promise.all(everyQuery(madManager, { ...all, region: 'CAT' }).map(code));
    expect(new Set(codes)).toEqual(new Set(['FORBIDDEN']));
  });

  it('pins a regional manager to the home region when none is asked for', async () => {
    const c = caller(madManager);
    expect((await c.disputes.summary(all)).current.opened).toBe(1);
    expect((await c.disputes.firstBillBySeller(all)).rows.map((r) => r.count)).toEqual([1]);
    expect((await c.compensation.summary(all)).current.byRegion.map((r) => r.key)).toEqual(['MAD']);
    expect(await c.outages.list(all)).toEqual([]);
  });

  it('lets an analyst see every region, or choose one', async () => {
    const c = caller(analyst);
    expect((await c.disputes.summary(all)).current.opened).toBe(3);
    expect((await c.disputes.backlogAgeing({ ...all, region: 'CAT' })).reduce((s, b) => s + b.count, 0)).toBe(2);
    expect((await c.outages.list({ ...all, region: 'CAT' })).map((o) => o.regions)).toEqual([['CAT']]);
  });

  it('keeps reps and anonymous callers out, and refuses an unknown region', async () => {
    const asRep = await Promise.all(everyQuery(user('rep', 'ana@t.test', 'MAD'), all).map(code));
    expect(new Set(asRep)).toEqual(new Set(['FORBIDDEN']));
    const anonymous = await Promise.all(everyQuery(null, all).map(code));
    expect(new Set(anonymous)).toEqual(new Set(['UNAUTHORIZED']));
    expect(await code(caller(analyst).disputes.summary({ ...all, region: 'XXX' }))).toBe('BAD_REQUEST');
  });
});
