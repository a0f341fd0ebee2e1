/** The outage milestones of docs/metrics.md, in the order they should happen. */
export const MILESTONE_ORDER = ['detect', 'communicate', 'ivr', 'sms', 'brief', 'resolve'] as const;
export type Milestone = (typeof MILESTONE_ORDER)[number];

export const MILESTONE_LABELS: Record<Milestone, string> = {
  detect: 'Detected',
  communicate: 'Public communication',
  ivr: 'IVR announcement',
  sms: 'SMS to affected customers',
  brief: 'Agents briefed',
  resolve: 'Resolved',
};

/**
 * Minutes from the start by which each milestone but the public communication should have
 * happened: the `milestoneTargetMinutes` setting. The public communication target is the
 * `commTargetMinutes` setting (COMM_TARGET_MINUTES).
 */
export type MilestoneTargetMinutes = Record<Exclude<Milestone, 'communicate'>, number>;

export function outageTargets(
  milestoneTargetMinutes: MilestoneTargetMinutes,
  commTargetMinutes: number,
): Record<Milestone, number> {
  return { ...milestoneTargetMinutes, communicate: commTargetMinutes };
}

/** A milestone is on target when it happened no later than the target (the boundary counts as met). */
export function targetStatus(minutes: number | null, target: number): 'met' | 'missed' | 'missing' {
  if (minutes === null) return 'missing';
  return minutes <= target ? 'met' : 'missed';
}

/**
 * What an outage desk records: the metric milestones plus the unlimited mobile data offer, which
 * good practice asks for but docs/metrics.md does not time (it has no target).
 */
export const OUTAGE_STEPS = ['detect', 'communicate', 'ivr', 'sms', 'brief', 'unlimited', 'resolve'] as const;
export type OutageStep = (typeof OUTAGE_STEPS)[number];

export const STEP_LABELS: Record<OutageStep, string> = { ...MILESTONE_LABELS, unlimited: 'Unlimited mobile data' };

/** What is still to do while an outage runs, as the product brief lists it. */
export const CHECKLIST: readonly { step: Exclude<OutageStep, 'detect'>; todo: string }[] = [
  { step: 'communicate', todo: 'Announce the outage publicly' },
  { step: 'ivr', todo: 'Switch on the IVR message' },
  { step: 'sms', todo: 'SMS every affected customer' },
  { step: 'brief', todo: 'Brief all agents with one script' },
  { step: 'unlimited', todo: 'Offer unlimited mobile data' },
  { step: 'resolve', todo: 'Resolve the outage' },
];
