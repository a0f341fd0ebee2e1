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

/** Channels a user has for a kind when they never chose: in-app always, email on. */
export const DEFAULT_CHANNELS = { inApp: true, email: true } as const;
