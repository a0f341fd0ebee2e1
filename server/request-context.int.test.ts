import { QueryClient } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryInput } from '@/lib/dashboard-filters';
import type { Context } from '@/server/api/trpc';
import { appRouter } from '@/server/api/root';
import type { SessionUser } from '@/server/auth/session-user';
import { resolveDashboardFilters } from '@/server/services/dashboard-filters';
import { createTestDb, type TestDb } from '@/test/db';
import { testRows } from '@/test/factories/metric-rows';
import { createRequestMemo } from './request-context';

let t: TestDb;
let national: SessionUser;
let madManager: SessionUser;

beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  await rows.region('MAD');
  await rows.region('CAT');
  const nationalId = await rows.user('boss@t.test', 'manager');
  const madId = await rows.user('mad@t.test', 'manager', 'MAD');
  national = { id: nationalId, email: 'boss@t.test', name: 'Boss', role: 'manager', regionCode: null };
  madManager = { id: madId, email: 'mad@t.test', name: 'Mad', role: 'manager', regionCode: 'MAD' };
  await rows.customer({ region: 'MAD', activated: '2024-01-05T10:00:00Z' });
});
afterAll(async () => {
  await t?.close();
});

/**
 * One page render as server-helpers and the dashboard loader run it: the loader resolves the URL's
 * filters, then every prefetch goes through the same (per-request) context. Returns its memo.
 */
async function renderOverviewAndAreas(session: SessionUser, sharedContext: boolean) {
  const searchParams = { preset: 'custom', from: '2024-01-01', to: '2024-01-31' };
  const render = { db: t.db, session, memo: createRequestMemo() } satisfies Context;
  const filters = await resolveDashboardFilters(t.db, session, searchParams, render.memo);
  const input = queryInput(filters);
  const queryClient = new QueryClient();
  const memos = [render.memo];
  const ctx = () => {
    if (sharedContext) return Promise.resolve(render);
    // As before: each prefetch built its own context.
    const own = createRequestMemo();
    memos.push(own);
    return Promise.resolve({ ...render, memo: own });
  };
  const trpc = createTRPCOptionsProxy({ ctx, router: appRouter, queryClient });
  await Promise.all([
    queryClient.prefetchQuery(trpc.dashboard.filterOptions.queryOptions()),
    queryClient.prefetchQuery(trpc.dashboard.kpis.queryOptions(input)),
    queryClient.prefetchQuery(trpc.dashboard.series.queryOptions(input)),
    queryClient.prefetchQuery(trpc.dashboard.movers.queryOptions(input)),
    queryClient.prefetchQuery(trpc.overview.snapshot.queryOptions()),
    queryClient.prefetchQuery(trpc.disputes.summary.queryOptions(input)),
    queryClient.prefetchQuery(trpc.churn.figures.queryOptions(input)),
  ]);
  const failed = queryClient
    .getQueryCache()
    .getAll()
    .filter((q) => q.state.status !== 'success');
  expect(failed.map((q) => q.queryKey)).toEqual([]);
  const total = (key: 'settings' | 'scope') => memos.reduce((sum, m) => sum + m.resolutions[key], 0);
  return { memo: render.memo, filters, total: { settings: total('settings'), scope: total('scope') } };
}

describe('one request context per render', () => {
  it('resolves settings and scope once for the loader and all the prefetches of a page', async () => {
    const { memo, total } = await renderOverviewAndAreas(national, true);
    expect(memo.resolutions).toEqual({ settings: 1, scope: 1 });
    expect(total).toEqual({ settings: 1, scope: 1 });
  });

  it('also for a regional manager, whose procedures ask with the region the loader resolved to', async () => {
    const { memo, filters } = await renderOverviewAndAreas(madManager, true);
    expect(filters.region).toBe('MAD');
    expect(memo.resolutions).toEqual({ settings: 1, scope: 1 });
  });

  it('counts what it resolves: prefetches with a context each resolve again (6 times a render, as before)', async () => {
    const { total } = await renderOverviewAndAreas(national, false);
    // The loader, then each of the five dashboard procedures (filterOptions and the snapshot need neither).
    expect(total).toEqual({ settings: 6, scope: 6 });
  });

  it('shares a refusal too: another region is forbidden for every procedure of the request', async () => {
    const memo = createRequestMemo();
    const caller = appRouter.createCaller({ db: t.db, session: madManager, memo });
    const input = { from: '2024-01-01', to: '2024-01-31', region: 'CAT', rep: null };
    await expect(caller.dashboard.kpis(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller.dashboard.series(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(memo.resolutions.scope).toBe(1);
  });

  it('is per request: a new request reads the settings again', async () => {
    const first = createRequestMemo();
    const second = createRequestMemo();
    await first.settings(t.db);
    await first.settings(t.db);
    await second.settings(t.db);
    expect([first.resolutions.settings, second.resolutions.settings]).toEqual([1, 1]);
  });
});
