import 'server-only';
import type { Db } from '@/db/client';
import { settings } from '@/db/schema';
import { writeSetting } from '@/db/settings';
import type { MilestoneTargetMinutes } from '@/lib/outage-targets';
import type { PolicyAssignmentInput } from '@/lib/schemas/compensation-policies';
import { env } from '../env';

export interface Settings {
  reportTz: string;
  disputeSlaHours: number;
  /** Notify a dispute's assignee this many hours before its SLA ends. */
  disputeDueWarningHours: number;
  commTargetMinutes: number;
  /** Minutes from an outage's start by which each other milestone should happen (lib/outage-targets.ts). */
  milestoneTargetMinutes: MilestoneTargetMinutes;
  currency: string;
  /** A rep may credit up to this per dispute, and this much per calendar month, without approval. */
  repCreditLimitPerCaseCents: number;
  repCreditLimitPerMonthCents: number;
  /** Outage compensation policy over the legal pro-rata minimum (docs/metrics.md). */
  outageCompMultiplier: number;
  outageCompFloorCents: number;
  outageCompMinHours: number;
  /** The legal compensation rule each region follows, by effective date (server/compensation-policies). */
  legalCompensationPolicies: PolicyAssignmentInput[];
  /** Per-team and per-user credit limits over the two above; a user's own override wins over their team's. */
  creditLimitOverrides: CreditLimitOverride[];
  /** A session ends after this many minutes without a request, and this many hours after sign-in whatever happens. */
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Largest JSON/form request body, and largest CSV upload, in bytes; longest accepted import cell, in characters. */
  maxRequestBodyBytes: number;
  maxUploadBytes: number;
  maxImportCellLength: number;
  /** True once demo data was seeded: the login page then lists the demo accounts. */
  demoData: boolean;
}

export interface CreditLimitOverride {
  /** Exactly one of team and userId names whom the override is for. */
  team?: 'support' | 'billing' | 'retention';
  userId?: number;
  perCaseCents: number;
  perMonthCents: number;
}

export function defaultSettings(): Settings {
  return {
    reportTz: env.REPORT_TZ,
    disputeSlaHours: env.DISPUTE_SLA_HOURS,
    disputeDueWarningHours: 24,
    commTargetMinutes: env.COMM_TARGET_MINUTES,
    milestoneTargetMinutes: { detect: 15, ivr: 45, sms: 60, brief: 60, resolve: 240 },
    currency: env.CURRENCY,
    repCreditLimitPerCaseCents: 5_000,
    repCreditLimitPerMonthCents: 30_000,
    outageCompMultiplier: 1,
    outageCompFloorCents: 0,
    outageCompMinHours: 0,
    legalCompensationPolicies: [],
    creditLimitOverrides: [],
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 12,
    maxRequestBodyBytes: 1_048_576,
    maxUploadBytes: 104_857_600,
    maxImportCellLength: 10_000,
    demoData: false,
  };
}

/** Settings an admin changed in the app, over the environment's defaults. */
export async function getSettings(db: Db): Promise<Settings> {
  const rows = await db.select({ key: settings.key, value: settings.value }).from(settings);
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value])) as Partial<Settings>;
  const defaults = defaultSettings();
  // A stored target object may predate a milestone; the default fills the gap.
  const milestoneTargetMinutes = { ...defaults.milestoneTargetMinutes, ...stored.milestoneTargetMinutes };
  return { ...defaults, ...stored, milestoneTargetMinutes };
}

export async function putSetting<K extends keyof Settings>(db: Db, key: K, value: Settings[K], updatedById: number | null = null) {
  await writeSetting(db, key, value, updatedById);
}
