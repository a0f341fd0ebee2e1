import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, disputes } from '@/db/schema';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';

export type DisputeRow = typeof disputes.$inferSelect;

/** A dispute as loaded for one actor, with the customer facts its scope depends on. */
export interface ScopedDispute extends DisputeRow {
  regionCode: string;
}

export const CONFLICT_MESSAGE = 'This dispute was changed by someone else; reload to see the latest version.';

export function disputeConflict(): ApiError {
  return new ApiError('conflict', CONFLICT_MESSAGE, { key: 'disputeConflict' });
}

export function disputeNotFound(ref: string): ApiError {
  return new ApiError('not_found', `Dispute ${ref} was not found.`, { key: 'disputeNotFound', params: { ref } });
}

/** Analysts read everything and change nothing. */
export function assertMayChange(actor: SessionUser): void {
  if (actor.role === 'analyst')
    throw new ApiError('forbidden', 'Analysts have read-only access to disputes.', { key: 'analystsReadOnly' });
}

/**
 * Whether `actor` may see a dispute: a rep only the disputes assigned to them, a regional
 * manager those of customers in their region (a national manager all), analysts and admins all.
 */
export function inScope(actor: SessionUser, dispute: { assignedToId: number | null; regionCode: string }): boolean {
  switch (actor.role) {
    case 'rep':
      return dispute.assignedToId === actor.id;
    case 'manager':
      return actor.regionCode === null || actor.regionCode === dispute.regionCode;
    case 'analyst':
    case 'admin':
      return true;
  }
}

/**
 * The dispute `ref` if `actor` may see it. Out of scope answers exactly like a missing ref, so a
 * rep cannot learn that another rep's dispute exists. `lock` takes the row lock (select … for
 * update) for changes that do not carry a version from the client.
 */
export async function loadDisputeForActor(
  db: Db,
  actor: SessionUser,
  ref: string,
  options: { write?: boolean; lock?: boolean } = {},
): Promise<ScopedDispute> {
  if (options.write) assertMayChange(actor);
  const query = db
    .select({ dispute: disputes, regionCode: customers.regionCode })
    .from(disputes)
    .innerJoin(customers, eq(customers.id, disputes.customerId))
    .where(eq(disputes.disputeRef, ref));
  const [row] = options.lock ? await query.for('update', { of: disputes }) : await query;
  if (!row || !inScope(actor, { assignedToId: row.dispute.assignedToId, regionCode: row.regionCode })) {
    throw disputeNotFound(ref);
  }
  return { ...row.dispute, regionCode: row.regionCode };
}

/**
 * Every dispute of `refs` that `actor` may change, in the order given, checked before anything is
 * revealed or written: when any ref is missing or out of scope, all such refs are reported together
 * as not found (they are the caller's own words, so the answer tells nothing about other scopes).
 */
export async function loadDisputesForActor(
  db: Db,
  actor: SessionUser,
  refs: readonly string[],
): Promise<ScopedDispute[]> {
  assertMayChange(actor);
  const rows = await db
    .select({ dispute: disputes, regionCode: customers.regionCode })
    .from(disputes)
    .innerJoin(customers, eq(customers.id, disputes.customerId))
    .where(inArray(disputes.disputeRef, [...refs]));
  const visible = new Map(
    rows
      .filter((r) => inScope(actor, { assignedToId: r.dispute.assignedToId, regionCode: r.regionCode }))
      .map((r) => [r.dispute.disputeRef, { ...r.dispute, regionCode: r.regionCode }]),
  );
  const missing = refs.filter((ref) => !visible.has(ref));
  if (missing.length > 0) {
    const listed = missing.length === 1 ? `Dispute ${missing[0] ?? ''} was` : `Disputes ${missing.join(', ')} were`;
    throw new ApiError('not_found', `${listed} not found; nothing was changed.`, {
      key: 'disputesNotFound',
      params: { count: missing.length, refs: missing.join(', ') },
    });
  }
  return refs.flatMap((ref) => visible.get(ref) ?? []);
}

/** For a change based on `version`: the dispute, or a conflict when it has moved on since. */
export async function loadDisputeForChange(
  db: Db,
  actor: SessionUser,
  target: { ref: string; version: number },
): Promise<ScopedDispute> {
  const dispute = await loadDisputeForActor(db, actor, target.ref, { write: true });
  if (dispute.version !== target.version) throw disputeConflict();
  return dispute;
}
