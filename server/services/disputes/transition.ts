import 'server-only';
import type { Db } from '@/db/client';
import { isClosedStatus, transitionProblem, transitionProblemCode } from '@/lib/dispute-status';
import type { DisputeStatus } from '@/lib/vocabularies';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';
import { loadDisputeForChange, type ScopedDispute } from './access';
import { commitDisputeChange, diff } from './change';

/**
 * Moves a loaded dispute to `to` inside the caller's transaction. Closing stamps `resolved_at`;
 * reopening clears it, so the dispute counts as backlog again.
 */
export async function applyTransition(
  tx: Db,
  actor: SessionUser,
  dispute: ScopedDispute,
  params: { to: DisputeStatus; version: number; note?: string | undefined },
): Promise<{ version: number }> {
  const problem = transitionProblemCode(dispute, params.to, actor.role);
  if (problem) {
    throw new ApiError('bad_request', transitionProblem(dispute, params.to, actor.role) ?? problem, {
      key: problem === 'notAllowed' ? 'transitionNotAllowed' : problem,
      params: { from: dispute.status, to: params.to },
    });
  }
  const at = new Date();
  const reopening = isClosedStatus(dispute.status);
  const closing = isClosedStatus(params.to);
  const after = {
    status: params.to,
    resolvedAt: closing ? at : reopening ? null : dispute.resolvedAt,
  };
  return commitDisputeChange(tx, actor, dispute, {
    expectedVersion: params.version,
    set: after,
    kind: closing ? 'resolved' : reopening ? 'reopened' : 'status_changed',
    changes: diff(dispute, after),
    note: params.note ?? null,
    at,
  });
}

export async function transitionDispute(
  db: Db,
  actor: SessionUser,
  params: { ref: string; version: number; to: DisputeStatus; note?: string | undefined },
): Promise<{ version: number; status: DisputeStatus }> {
  return db.transaction(async (tx) => {
    const dispute = await loadDisputeForChange(tx, actor, params);
    const { version } = await applyTransition(tx, actor, dispute, params);
    return { version, status: params.to };
  });
}
