import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { DisputeStatus } from '@/lib/vocabularies';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';
import { disputeConflict, loadDisputesForActor, type ScopedDispute } from './access';
import { commitDisputeChange } from './change';
import { applyTransition } from './transition';

interface Item {
  ref: string;
  version: number;
}

export interface BulkResult {
  /** The new version of every dispute, in the order given. */
  items: { ref: string; version: number }[];
}

function assertManager(actor: SessionUser): void {
  if (actor.role !== 'manager' && actor.role !== 'admin') {
    throw new ApiError('forbidden', 'Only a manager or an admin may change disputes in bulk.', { key: 'bulkRole' });
  }
}

/**
 * Applies `change` to every item in one transaction: all of them or none. Scope comes first, for
 * every item, before any item is looked at further: refs that are missing or out of scope are
 * reported together as not found and nothing is written. Then the first item that fails (stale
 * version, refused change) aborts the lot, and the error names its ref.
 */
async function forEachItem(
  db: Db,
  actor: SessionUser,
  items: readonly Item[],
  change: (tx: Db, dispute: ScopedDispute, item: Item) => Promise<{ version: number }>,
): Promise<BulkResult> {
  return db.transaction(async (tx) => {
    const found = await loadDisputesForActor(
      tx,
      actor,
      items.map((i) => i.ref),
    );
    const done: BulkResult['items'] = [];
    for (const [index, item] of items.entries()) {
      const dispute = found[index];
      if (!dispute) throw new Error(`bulk item ${item.ref} was not loaded`);
      try {
        if (dispute.version !== item.version) throw disputeConflict();
        done.push({ ref: item.ref, version: (await change(tx, dispute, item)).version });
      } catch (error) {
        if (error instanceof ApiError) {
          const i18n = error.i18n ? { ...error.i18n, subject: item.ref } : undefined;
          throw new ApiError(error.code, `${item.ref}: ${error.message}`, i18n);
        }
        throw error;
      }
    }
    return { items: done };
  });
}

/** Hands disputes to an active rep (a regional manager's reps only), or leaves them unassigned. */
export async function bulkReassign(
  db: Db,
  actor: SessionUser,
  params: { items: readonly Item[]; assigneeEmail: string | null },
): Promise<BulkResult> {
  assertManager(actor);
  let assignee: { id: number; email: string } | null = null;
  if (params.assigneeEmail !== null) {
    const [user] = await db
      .select({
        id: users.id,
        email: users.email,
        role: users.role,
        active: users.active,
        regionCode: users.regionCode,
      })
      .from(users)
      .where(eq(users.email, params.assigneeEmail));
    if (!user || user.role !== 'rep' || !user.active) {
      throw new ApiError('bad_request', `${params.assigneeEmail} is not an active rep.`, {
        key: 'notActiveRep',
        params: { email: params.assigneeEmail },
      });
    }
    if (actor.role === 'manager' && actor.regionCode !== null && user.regionCode !== actor.regionCode) {
      throw new ApiError('bad_request', `${params.assigneeEmail} works outside your region (${actor.regionCode}).`, {
        key: 'repOutsideRegion',
        params: { email: params.assigneeEmail, region: actor.regionCode },
      });
    }
    assignee = { id: user.id, email: user.email };
  }
  return forEachItem(db, actor, params.items, async (tx, dispute, item) => {
    // Unchanged: nothing to record, but the version was still checked.
    if (dispute.assignedToId === (assignee?.id ?? null)) return { version: dispute.version };
    return commitDisputeChange(tx, actor, dispute, {
      expectedVersion: item.version,
      set: { assignedToId: assignee?.id ?? null },
      kind: 'reassigned',
      changes: {
        assignedTo: { from: await emailOf(tx, dispute.assignedToId), to: assignee?.email ?? null },
      },
      at: new Date(),
    });
  });
}

async function emailOf(db: Db, userId: number | null): Promise<string | null> {
  if (userId === null) return null;
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return user?.email ?? null;
}

/** Moves every dispute to `to`, by the same rules as one at a time. */
export async function bulkTransition(
  db: Db,
  actor: SessionUser,
  params: { items: readonly Item[]; to: DisputeStatus },
): Promise<BulkResult> {
  assertManager(actor);
  return forEachItem(db, actor, params.items, (tx, dispute, item) =>
    applyTransition(tx, actor, dispute, { to: params.to, version: item.version }),
  );
}
