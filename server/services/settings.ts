import 'server-only';
import type { Db } from '@/db/client';
import { settings } from '@/db/schema';
import type { MilestoneTargetMinutes } from '@/lib/outage-targets';
import { env } from '../env';

export interface Settings {
  reportTz: string;
  disputeSlaHours: number;
  commTargetMinutes: number;
  /** Minutes from an outage's start by which each other milestone should happen (lib/outage-targets.ts). */
  milestoneTargetMinutes: MilestoneTargetMinutes;
  currency: string;
  /** A rep may credit up to this per dispute, and this much per calendar month, without approval. */
  repCreditLimitPerCaseCents: number;
  repCreditLimitPerMonthCents: number;
  /** Outage compensation policy over the legal pro-rata minimum (metrics.md). */
  outageCompMultiplier: number;
  outageCompFloorCents: number;
  outageCompMinHours: number;
  /** True once demo data was seeded: the login page then lists the demo accounts. */
  demoData: boolean;
}

export function defaultSettings(): Settings {
  return {
    reportTz: env.REPORT_TZ,
    disputeSlaHours: env.DISPUTE_SLA_HOURS,
    commTargetMinutes: env.COMM_TARGET_MINUTES,
    milestoneTargetMinutes: { detect: 15, ivr: 45, sms: 60, brief: 60, resolve: 240 },
    currency: env.CURRENCY,
    repCreditLimitPerCaseCents: 5_000,
    repCreditLimitPerMonthCents: 30_000,
    outageCompMultiplier: 1,
    outageCompFloorCents: 0,
    outageCompMinHours: 0,
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
  await db
    .insert(settings)
    .values({ key, value, updatedById })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedById, updatedAt: new Date() } });
}
