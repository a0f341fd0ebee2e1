/** What a notification is about; each user chooses in-app and email per kind at /account. */
export const NOTIFICATION_KINDS = [
  'dispute_due',
  'dispute_breached',
  'credit_pending',
  'credit_decided',
  'retention_escalation',
  'outage_declared',
  'milestone_overdue',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  dispute_due: 'Dispute due soon',
  dispute_breached: 'Dispute past its SLA',
  credit_pending: 'Credit waiting for approval',
  credit_decided: 'Credit approved or rejected',
  retention_escalation: 'Escalation to retention',
  outage_declared: 'Outage declared',
  milestone_overdue: 'Outage milestone past its target',
};

/** Channels a user has for a kind when they never chose: in-app always, email on. */
export const DEFAULT_CHANNELS = { inApp: true, email: true } as const;
