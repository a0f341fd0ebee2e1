/** The texts an outage holds, one versioned body per kind. */
export const OUTAGE_TEXT_KINDS = ['public_notice', 'ivr', 'sms', 'agent_script'] as const;
export type OutageTextKind = (typeof OUTAGE_TEXT_KINDS)[number];

export const OUTAGE_TEXT_LABELS: Record<OutageTextKind, string> = {
  public_notice: 'Public notice',
  ivr: 'IVR message',
  sms: 'SMS',
  agent_script: 'Agent script',
};

/** Longest body per kind: an SMS of more than 4 concatenated parts (4 × 153 characters) is refused. */
export const OUTAGE_TEXT_MAX_LENGTH: Record<OutageTextKind, number> = {
  public_notice: 5_000,
  ivr: 2_000,
  sms: 612,
  agent_script: 10_000,
};

/** What is sent to each affected customer: an SMS, or unlimited data through the provisioning webhook. */
export const DISPATCH_CHANNELS = ['sms', 'unlimited_data'] as const;
export type DispatchChannel = (typeof DISPATCH_CHANNELS)[number];

export const DISPATCH_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DispatchStatus = (typeof DISPATCH_STATUSES)[number];
