import { CLOSED_DISPUTE_STATUSES, type DisputeStatus, type Role } from './vocabularies';

/**
 * The dispute workflow, as the field runs it: a case is opened, investigated, and — when the
 * charge was undue — waits for billing to recalculate the bill before it is resolved.
 *
 *   open ──► investigating ──► awaiting_recalculation ──► resolved
 *     │            │                     │
 *     │            │                     └──► investigating   (billing refused or the finding is revised)
 *     ├────────────┴──► resolved | rejected                    (simple cases need no recalculation)
 *   resolved | rejected ──► investigating                      (reopen: manager or admin only)
 *
 * A case awaiting recalculation cannot be rejected directly: its charge was found undue, so it
 * goes back to investigating first. Analysts read; they never move a case.
 */
const WORK_TRANSITIONS: Record<DisputeStatus, readonly DisputeStatus[]> = {
  open: ['investigating', 'resolved', 'rejected'],
  investigating: ['awaiting_recalculation', 'resolved', 'rejected'],
  awaiting_recalculation: ['resolved', 'investigating'],
  resolved: [],
  rejected: [],
};

const REOPENERS: readonly Role[] = ['manager', 'admin'];

export function isClosedStatus(status: DisputeStatus): boolean {
  return CLOSED_DISPUTE_STATUSES.includes(status);
}

/** The statuses a user of `role` may move a dispute in `status` to. */
export function allowedTransitions(status: DisputeStatus, role: Role): DisputeStatus[] {
  if (role === 'analyst') return [];
  if (isClosedStatus(status)) return REOPENERS.includes(role) ? ['investigating'] : [];
  return [...WORK_TRANSITIONS[status]];
}

/** The case facts a transition depends on, beyond its status. */
export interface TransitionFacts {
  status: DisputeStatus;
  undueCharge: boolean | null;
}

/**
 * Why `role` may not move this dispute to `to`, or null when the move is allowed. The status
 * graph comes first; then what the case must already record (a finding before closing, an
 * undue charge before asking billing to recalculate).
 */
export function transitionProblem(facts: TransitionFacts, to: DisputeStatus, role: Role): string | null {
  const code = transitionProblemCode(facts, to, role);
  return code === null ? null : TRANSITION_PROBLEMS[code](facts.status, to);
}

/** Why a transition is refused, as a stable code the interface translates (`disputeCase.problems.<code>`). */
export type TransitionProblemCode =
  'reopenNeedsManager' | 'notAllowed' | 'recalculationNeedsUndue' | 'closeNeedsFinding' | 'undueMeansResolve';

const TRANSITION_PROBLEMS: Record<TransitionProblemCode, (from: DisputeStatus, to: DisputeStatus) => string> = {
  reopenNeedsManager: () => 'Only a manager or an admin can reopen a dispute.',
  notAllowed: (from, to) => `Cannot move a dispute from ${from} to ${to}.`,
  recalculationNeedsUndue: () => 'Record that the charge was undue before asking for a recalculation.',
  closeNeedsFinding: () => 'Record whether the charge was undue before closing the dispute.',
  undueMeansResolve: () => 'The charge was found undue: resolve the dispute instead of rejecting it.',
};

/** `transitionProblem` as a code; null when the move is allowed. */
export function transitionProblemCode(
  facts: TransitionFacts,
  to: DisputeStatus,
  role: Role,
): TransitionProblemCode | null {
  const { status } = facts;
  if (!allowedTransitions(status, role).includes(to)) {
    return isClosedStatus(status) && to === 'investigating' && role !== 'analyst' ? 'reopenNeedsManager' : 'notAllowed';
  }
  if (to === 'awaiting_recalculation' && facts.undueCharge !== true) return 'recalculationNeedsUndue';
  if (isClosedStatus(to) && facts.undueCharge === null) return 'closeNeedsFinding';
  if (to === 'rejected' && facts.undueCharge === true) return 'undueMeansResolve';
  return null;
}

/** Whether the case's finding (undue or not) may still change: only while it is being worked on. */
export function canRecordFinding(status: DisputeStatus): boolean {
  return status === 'open' || status === 'investigating';
}

/** What a timeline entry records; the demo data also uses `created`. */
export const DISPUTE_EVENT_KINDS = [
  'created',
  'status_changed',
  'resolved',
  'reopened',
  'finding_recorded',
  'recalculation_requested',
  'customer_notified',
  'note',
  'credit_issued',
  'credit_requested',
  'credit_approved',
  'credit_rejected',
  'escalated_to_retention',
  'reassigned',
] as const;
export type DisputeEventKind = (typeof DISPUTE_EVENT_KINDS)[number];
