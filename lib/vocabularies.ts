export const ROLES = ['admin', 'manager', 'rep', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export const TEAMS = ['support', 'billing', 'retention'] as const;
export type Team = (typeof TEAMS)[number];

/** Churn category and retention reason share one vocabulary. */
export const CHURN_CATEGORIES = [
  'competitor',
  'price',
  'dissatisfaction',
  'attitude',
  'billing',
  'outage',
  'moved',
  'other',
] as const;
export type ChurnCategory = (typeof CHURN_CATEGORIES)[number];

export const OFFER_TYPES = ['discount', 'promotion', 'fee_waiver', 'loyalty_credit', 'upgrade', 'none'] as const;
export type OfferType = (typeof OFFER_TYPES)[number];

export const RETENTION_OUTCOMES = ['saved', 'churned', 'pending'] as const;
export type RetentionOutcome = (typeof RETENTION_OUTCOMES)[number];

export const DISPUTE_CAUSES = [
  'overcharge',
  'unrequested_line',
  'unrequested_service',
  'undisclosed_fee',
  'quote_mismatch',
  'promo_not_applied',
  'promo_expired',
  'roaming',
  'international_calls',
  'premium_sms',
  'moving_fee',
  'equipment_fee',
  'duplicate_charge',
  'wrong_sim_or_plan',
  'other',
] as const;
export type DisputeCause = (typeof DISPUTE_CAUSES)[number];

export const DISPUTE_STATUSES = ['open', 'investigating', 'awaiting_recalculation', 'resolved', 'rejected'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export const CLOSED_DISPUTE_STATUSES: readonly DisputeStatus[] = ['resolved', 'rejected'];

export const OUTAGE_SEVERITIES = ['minor', 'major', 'critical'] as const;
export type OutageSeverity = (typeof OUTAGE_SEVERITIES)[number];

export const COMPENSATION_KINDS = [
  'retention_offer',
  'fee_waiver',
  'loyalty_credit',
  'dispute_credit',
  'outage_credit',
  'goodwill',
  'service_credit',
] as const;
export type CompensationKind = (typeof COMPENSATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ['phone', 'sms', 'email', 'letter', 'app'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** The states of an import run (`import_runs.status`). */
export const IMPORT_RUN_STATUSES = ['running', 'committed', 'rejected', 'failed'] as const;
export type ImportRunStatus = (typeof IMPORT_RUN_STATUSES)[number];
