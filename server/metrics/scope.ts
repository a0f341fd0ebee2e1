import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import type { Role } from '@/lib/vocabularies';
import { pinnedRegion } from '../auth/rbac';
import type { SessionUser } from '../auth/session-user';
import { ApiError } from '../http/api-error';
import type { KpiFilters } from './filters';

export interface RequestedFilters {
  region?: string | null | undefined;
  rep?: string | null | undefined;
}

/**
 * Who reads the figures, wherever they are served: the dashboard pages and procedures, the drill-down
 * lists, /api/v1/kpis and the exports. Reps do not: churn and outage figures cannot be narrowed to a
 * rep, so a rep would read their region's or the company's; a rep's own save rate is on the calls page.
 */
export const FIGURE_READERS = ['manager', 'analyst', 'admin'] as const satisfies readonly Role[];

export function mayReadFigures(user: SessionUser): boolean {
  return (FIGURE_READERS as readonly Role[]).includes(user.role);
}

export function assertMayReadFigures(user: SessionUser): void {
  if (!mayReadFigures(user)) {
    throw new ApiError('forbidden', `Only ${FIGURE_READERS.join(', ')} users may read these figures.`);
  }
}

/**
 * The one scope of figures for a user, used by every surface that serves them: reps are refused,
 * a manager with a home region is pinned to it (asking for another is forbidden), a national
 * manager, an analyst and an admin choose any region and rep. Permission is checked before
 * existence, so nobody probes which region codes or emails exist through a refusal.
 */
export async function resolveKpiScope(db: Db, user: SessionUser, requested: RequestedFilters): Promise<KpiFilters> {
  assertMayReadFigures(user);
  const region = requested.region || null;
  // Emails are stored lower-case; a caller's capitalisation must not turn into "unknown rep".
  const rep = requested.rep?.trim().toLowerCase() || null;

  const ownRegion = pinnedRegion(user);
  if (ownRegion !== null && region !== null && region !== ownRegion) {
    throw new ApiError('forbidden', `You can only see figures for your region (${ownRegion}).`);
  }

  const effective: KpiFilters = { region: ownRegion ?? region, rep };
  await assertFiltersExist(db, effective);
  return effective;
}

/** A rep's own figures (their retention calls): every region, only the cases they took. */
export function ownRepScope(user: SessionUser): KpiFilters {
  return { region: null, rep: user.email };
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
