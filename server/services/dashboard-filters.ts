import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { createLoader } from 'nuqs/server';
import type { Db } from '@/db/client';
import { regions, users } from '@/db/schema';
import { dashboardFilterParsers, DEFAULT_PRESET, type ResolvedFilters } from '@/lib/dashboard-filters';
import { isCalendarDate, presetPeriod, previousPeriod, todayIn } from '@/lib/periods';
import { pinnedRegion, pinnedRep } from '../auth/rbac';
import type { SessionUser } from '../auth/session-user';
import { ApiError } from '../http/api-error';
import { createRequestMemo, type RequestMemo } from '../request-context';

const loadFilters = createLoader(dashboardFilterParsers);

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The period and scope a dashboard page shows, from its URL and the caller's role. A regional
 * manager asking for another region (even by editing the URL) gets FORBIDDEN from the scope.
 * Settings and scope come from the request's memo, which the page's procedures then reuse.
 */
export async function resolveDashboardFilters(
  db: Db,
  user: SessionUser,
  searchParams: SearchParams,
  memo: RequestMemo = createRequestMemo(),
): Promise<ResolvedFilters> {
  const raw = loadFilters(searchParams);
  const { reportTz } = await memo.settings(db);
  let period;
  if (raw.preset === 'custom') {
    if (!raw.from || !raw.to || !isCalendarDate(raw.from) || !isCalendarDate(raw.to)) {
      throw new ApiError('bad_request', 'A custom range needs "from" and "to" as calendar dates (YYYY-MM-DD).');
    }
    if (raw.from > raw.to) throw new ApiError('bad_request', '"from" must be on or before "to".');
    period = { from: raw.from, to: raw.to };
  } else {
    period = presetPeriod(raw.preset ?? DEFAULT_PRESET, todayIn(reportTz));
  }
  const scope = await memo.scope(db, user, { region: raw.region, rep: raw.rep });
  const previous = previousPeriod(period);
  return {
    preset: raw.preset,
    ...period,
    previousFrom: previous.from,
    previousTo: previous.to,
    region: scope.region,
    rep: scope.rep,
    timezone: reportTz,
    regionLocked: pinnedRegion(user) !== null,
    repLocked: pinnedRep(user) !== null,
  };
}

/** Regions and reps the filter bar offers: only what the caller may see. */
export async function listFilterOptions(db: Db, user: SessionUser) {
  const region = pinnedRegion(user);
  const [regionRows, repRows] = await Promise.all([
    db
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(region === null ? undefined : eq(regions.code, region))
      .orderBy(asc(regions.name)),
    db
      .select({ email: users.email, name: users.name, regionCode: users.regionCode, team: users.team })
      .from(users)
      .where(and(eq(users.role, 'rep'), region === null ? undefined : eq(users.regionCode, region)))
      .orderBy(asc(users.name)),
  ]);
  const ownRep = pinnedRep(user);
  return { regions: regionRows, reps: ownRep === null ? repRows : repRows.filter((r) => r.email === ownRep) };
}
