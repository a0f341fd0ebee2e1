import type { LegalPolicy } from '@/lib/billing';
import type { PolicyAssignment } from './types';
import { localDate } from './zoned-time';

/** Where a region has no assignment in force, the general pro-rata applies. */
export const DEFAULT_ASSIGNMENT: Omit<PolicyAssignment, 'regionCode'> = { policy: 'pro-rata', effectiveFrom: '' };

/**
 * The region's legal policy in force when the outage started (the report time zone's date): the
 * assignment with the latest effective date on or before it. The rule in force at the start
 * governs the whole outage, even if the region's policy changes while it lasts.
 */
export function assignmentFor(
  assignments: readonly PolicyAssignment[],
  regionCode: string,
  startedAt: Date,
  reportTz: string,
): PolicyAssignment {
  const day = localDate(startedAt, reportTz);
  let chosen: PolicyAssignment = { ...DEFAULT_ASSIGNMENT, regionCode };
  for (const a of assignments) {
    if (a.regionCode === regionCode && a.effectiveFrom <= day && a.effectiveFrom >= chosen.effectiveFrom) chosen = a;
  }
  return chosen;
}

/** The versions of the rules without a rate table: the date each took effect. */
export const RULE_VERSIONS: Record<Exclude<LegalPolicy, 'uk-ofcom'>, string> = {
  'pro-rata': 'general',
  // RD 899/2009 was published in the BOE on 30 May 2009 and took effect the next day.
  'es-rd899': '2009-05-31',
  'us-ny-psc': 'in force',
};

export const POLICY_TIME_ZONES: Record<LegalPolicy, string | null> = {
  'pro-rata': null,
  'es-rd899': 'Europe/Madrid',
  'uk-ofcom': 'Europe/London',
  'us-ny-psc': 'America/New_York',
};
