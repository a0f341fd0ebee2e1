import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { disputeEvents, disputes } from '@/db/schema';
import type { DisputeEventKind } from '@/lib/dispute-status';
import type { SessionUser } from '../../auth/session-user';
import { recordAudit } from '../audit';
import { disputeConflict } from './access';

export type DisputeChanges = Record<string, { from: unknown; to: unknown }>;

export interface DisputeChange {
  /** The version the actor's change is based on; null when it does not depend on one (the row is locked instead). */
  expectedVersion: number | null;
  set?: PgUpdateSetSource<typeof disputes>;
  kind: DisputeEventKind;
  changes?: DisputeChanges | null;
  note?: string | null;
  /** Extra facts for the audit log (the event's changes and note are always included). */
  details?: Record<string, unknown>;
  at: Date;
}

/**
 * Writes one change to a dispute: the guarded update that bumps `version`, the timeline event and
 * the audit row. Call it inside the transaction of the whole mutation, so either all of it lands
 * or none. Zero rows updated means someone else changed the dispute since `expectedVersion`.
 */
export async function commitDisputeChange(
  tx: Db,
  actor: SessionUser,
  dispute: { id: number; disputeRef: string },
  change: DisputeChange,
): Promise<{ version: number }> {
  const versionGuard = change.expectedVersion === null ? undefined : eq(disputes.version, change.expectedVersion);
  const [updated] = await tx
    .update(disputes)
    .set({ ...change.set, version: sql`${disputes.version} + 1`, updatedAt: change.at })
    .where(and(eq(disputes.id, dispute.id), versionGuard))
    .returning({ version: disputes.version });
  if (!updated) throw disputeConflict();

  const changes = change.changes && Object.keys(change.changes).length > 0 ? change.changes : null;
  await tx.insert(disputeEvents).values({
    disputeId: dispute.id,
    actorId: actor.id,
    at: change.at,
    kind: change.kind,
    changes,
    note: change.note ?? null,
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: `dispute.${change.kind}`,
    entity: 'dispute',
    entityId: dispute.disputeRef,
    details: { ...change.details, changes, note: change.note ?? null, version: updated.version },
  });
  return updated;
}

/** `{ field: { from, to } }` for the fields whose value differs; instants as ISO strings. */
export function diff<T extends object>(before: T, after: Partial<T>): DisputeChanges {
  const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));
  const changes: DisputeChanges = {};
  for (const [field, to] of Object.entries(after)) {
    const from = plain(before[field as keyof T]);
    if (from !== plain(to)) changes[field] = { from, to: plain(to) };
  }
  return changes;
}
