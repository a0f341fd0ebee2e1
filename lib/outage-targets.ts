/** The outage milestones of metrics.md, in the order they should happen. */
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
 * Minutes from the start of an outage by which each milestone should have happened. The public
 * communication target is the COMM_TARGET_MINUTES setting; the others are Holdfast's operating
 * targets, set here and nowhere else.
 */
export const MILESTONE_TARGET_MINUTES: Record<Exclude<Milestone, 'communicate'>, number> = {
  detect: 15,
  ivr: 45,
  sms: 60,
  brief: 60,
  resolve: 240,
};

export function outageTargets(commTargetMinutes: number): Record<Milestone, number> {
  return { ...MILESTONE_TARGET_MINUTES, communicate: commTargetMinutes };
}

/** A milestone is on target when it happened no later than the target (the boundary counts as met). */
export function targetStatus(minutes: number | null, target: number): 'met' | 'missed' | 'missing' {
  if (minutes === null) return 'missing';
  return minutes <= target ? 'met' : 'missed';
}
