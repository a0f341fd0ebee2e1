import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
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
const rep = user('rep', 'ana@t.test', 'MAD');
const all: DashboardQueryInput = { from: '2024-01-01', to: '2024-01-31', region: null, rep: null };

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  await rows.region('MAD');
  await rows.region('CAT');
  const ana = await rows.user('ana@t.test', 'rep', 'MAD');
  await rows.customer({ region: 'MAD', activated: '2023-01-01T00:00:00Z', churned: '2024-01-10T10:00:00Z' });
  for (const region of ['CAT', 'CAT']) {
    const customerId = await rows.customer({
      region,
      activated: '2023-01-01T00:00:00Z',
      churned: '2024-01-12T10:00:00Z',
    });
    await rows.retentionCase({
      customerId,
      repId: ana,
      opened: '2024-01-02T10:00:00Z',
      outcome: 'churned',
      closed: '2024-01-12T10:00:00Z',
    });
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

function everyQuery(session: SessionUser | null, input: DashboardQueryInput) {
  const c = caller(session);
  return [
    c.churn.figures(input),
    c.churn.monthlyByRegion(input),
    c.churn.cohorts(input),
    c.churn.promoCliff(input),
    c.retention.breakdowns(input),
  ];
}

describe('churn and retention routers', () => {
  it('forbids a regional manager another region and a rep every page', async () => {
    expect(new Set(await Promise.all(everyQuery(madManager, { ...all, region: 'CAT' }).map(code)))).toEqual(
      new Set(['FORBIDDEN']),
    );
    expect(new Set(await Promise.all(everyQuery(rep, all).map(code)))).toEqual(new Set(['FORBIDDEN']));
    expect(new Set(await Promise.all(everyQuery(null, all).map(code)))).toEqual(new Set(['UNAUTHORIZED']));
  });

  it('pins a regional manager to the home region when none is asked for', async () => {
    const c = caller(madManager);
    expect((await c.churn.figures(all)).churned).toBe(1);
    expect(new Set((await c.churn.monthlyByRegion(all)).map((r) => r.region))).toEqual(new Set(['MAD']));
    expect((await c.retention.breakdowns(all)).figures.lost).toBe(0);
  });

  it('gives an analyst every region', async () => {
    const c = caller(analyst);
    expect((await c.churn.figures(all)).churned).toBe(3);
    expect((await c.retention.breakdowns(all)).leaderboard).toEqual([
      expect.objectContaining({ rep: 'ana@t.test', closed: 2, saved: 0, costPerSaveCents: null }),
    ]);
  });
});
