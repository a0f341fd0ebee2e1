import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { outageRegions, outages } from '@/db/schema';
import type { OutageStep } from '@/lib/outage-targets';
import { pinnedRegion } from '../../auth/rbac';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';

export type OutageRow = typeof outages.$inferSelect;

/** The column of each step a desk records. */
export const STEP_COLUMNS = {
  detect: 'detectedAt',
  communicate: 'publicCommAt',
  ivr: 'ivrMessageAt',
  sms: 'smsSentAt',
  brief: 'agentsBriefedAt',
  unlimited: 'unlimitedDataAt',
  resolve: 'resolvedAt',
} as const satisfies Record<OutageStep, keyof OutageRow>;

export function outageNotFound(ref: string): ApiError {
  return new ApiError('not_found', `Outage ${ref} was not found.`, { key: 'outageNotFound', params: { ref } });
}

/** Managers and admins run the outage response; analysts read, reps do neither. */
export function assertMayManage(actor: SessionUser): void {
  if (actor.role !== 'manager' && actor.role !== 'admin') {
    throw new ApiError('forbidden', 'Only managers and admins can manage outages.', { key: 'manageOutagesRole' });
  }
}

export function assertMayRead(actor: SessionUser): void {
  if (actor.role === 'rep')
    throw new ApiError('forbidden', 'Reps do not see outage response.', { key: 'repsNoOutages' });
}

/**
 * The region whose customers the actor's outage figures, lists and credits are limited to: a
 * regional manager's own region, or null (every affected customer) for everyone else.
 */
export function customerScope(actor: SessionUser): string | null {
  return pinnedRegion(actor);
}

/**
 * Outage `ref` if the actor may see it: a regional manager only the outages that affect their
 * region (otherwise it answers as a missing ref), everyone else all. `lock` takes a row lock:
 * `update` to change the outage, `share` to credit against it while nobody changes its times.
 */
export async function loadOutageForActor(
  db: Db,
  actor: SessionUser,
  ref: string,
  options: { lock?: 'update' | 'share' } = {},
): Promise<OutageRow> {
  assertMayRead(actor);
  const region = customerScope(actor);
  const inScope =
    region === null
      ? sql`true`
      : sql`exists (select 1 from ${outageRegions} where ${and(eq(outageRegions.outageId, outages.id), eq(outageRegions.regionCode, region))})`;
  const query = db
    .select()
    .from(outages)
    .where(and(eq(outages.outageRef, ref), inScope));
  const [row] = options.lock ? await query.for(options.lock, { of: outages }) : await query;
  if (!row) throw outageNotFound(ref);
  return row;
}
