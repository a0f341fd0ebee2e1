import 'server-only';
import { forbidden } from 'next/navigation';
import { queryInput, serializeDashboardFilters, type DashboardQueryInput, type ResolvedFilters } from '@/lib/dashboard-filters';
import type { Role } from '@/lib/vocabularies';
import { getQueryClient, trpc } from '../api/server-helpers';
import { requireRole } from '../auth/guards';
import type { SessionUser } from '../auth/session-user';
import { getDb } from '../db';
import { ApiError } from '../http/api-error';
import { requestMemo } from '../request-context';
import { FIGURE_READERS } from '../metrics/scope';
import { resolveDashboardFilters } from '../services/dashboard-filters';

export type DashboardPage =
  | { ok: true; user: SessionUser; filters: ResolvedFilters; input: DashboardQueryInput; linkQuery: string }
  | { ok: false; user: SessionUser; error: string };

/**
 * What every dashboard page starts with: the role check, the filters from the URL resolved to a
 * period and the caller's scope (another region → 403), and the filter options prefetched.
 */
export async function loadDashboardPage(
  searchParams: Promise<Record<string, string | string[] | undefined>>,
  roles: Role[] = [...FIGURE_READERS],
): Promise<DashboardPage> {
  const user = await requireRole(...roles);
  let filters: ResolvedFilters;
  try {
    filters = await resolveDashboardFilters(await getDb(), user, await searchParams, requestMemo());
  } catch (error) {
    if (error instanceof ApiError && error.code === 'forbidden') forbidden();
    if (error instanceof ApiError && error.code === 'bad_request') return { ok: false, user, error: error.message };
    throw error;
  }
  // Awaited (a small query, alone on the connection before the figures start): the filter bar and
  // its period line, the largest text of a dashboard page, then render in the first flush (LCP).
  await getQueryClient().prefetchQuery(trpc.dashboard.filterOptions.queryOptions());
  const linkQuery = serializeDashboardFilters({
    preset: filters.preset,
    from: filters.preset === 'custom' ? filters.from : null,
    to: filters.preset === 'custom' ? filters.to : null,
    region: filters.regionLocked ? null : filters.region,
    rep: filters.repLocked ? null : filters.rep,
  });
  return { ok: true, user, filters, input: queryInput(filters), linkQuery };
}
