import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { pinnedRegion, pinnedRep } from '../auth/rbac';
import type { SessionUser } from '../auth/session-user';
import { ApiError } from '../http/api-error';
import type { KpiFilters } from './filters';

export interface RequestedFilters {
  region?: string | null | undefined;
  rep?: string | null | undefined;
}

/**
 * The filters a user's figures are computed with: a rep is pinned to themselves, a manager
 * with a home region to that region; asking for someone else's figures is forbidden.
 * Permission is checked before existence, so a rep cannot probe which emails exist.
 */
export async function resolveKpiScope(db: Db, user: SessionUser, requested: RequestedFilters): Promise<KpiFilters> {
  const region = requested.region || null;
  // Emails are stored lower-case; a caller's capitalisation must not turn into "forbidden".
  const rep = requested.rep?.trim().toLowerCase() || null;

  const ownRep = pinnedRep(user);
  if (ownRep !== null && rep !== null && rep !== ownRep) {
    throw new ApiError('forbidden', 'A rep can only see their own figures.');
  }
  const ownRegion = pinnedRegion(user);
  if (ownRegion !== null && region !== null && region !== ownRegion) {
    throw new ApiError('forbidden', `You can only see figures for your region (${ownRegion}).`);
  }

  const effective: KpiFilters = { region: ownRegion ?? region, rep: ownRep ?? rep };
  await assertFiltersExist(db, effective);
  return effective;
}

/** Refuses a region code or rep email that the database does not know, as a bad request. */
export async function assertFiltersExist(db: Db, filters: KpiFilters): Promise<void> {
  const [row] = await queryRows<{ region_known: boolean; rep_known: boolean }>(
    db,
    sql`select
      (${filters.region}::text is null or exists (select 1 from regions where code = ${filters.region})) as region_known,
      (${filters.rep}::text is null or exists (select 1 from users where email = ${filters.rep})) as rep_known`,
  );
  if (!row?.region_known) throw new ApiError('bad_request', `Unknown region "${filters.region ?? ''}".`);
  if (!row.rep_known) throw new ApiError('bad_request', `Unknown rep "${filters.rep ?? ''}".`);
}
