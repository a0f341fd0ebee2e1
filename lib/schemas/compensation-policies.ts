import { z } from 'zod';
import { LEGAL_POLICIES, UK_NATIONS } from '../billing';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (value: string) => {
  const t = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === value;
};

/** A region's legal compensation rule from a date on (the report time zone's midnight). */
export const policyAssignmentSchema = z
  .object({
    regionCode: z.string().trim().min(1, 'Choose a region.').max(32),
    policy: z.enum(LEGAL_POLICIES, { error: 'Choose a policy.' }),
    effectiveFrom: z.string().regex(DATE, 'A date as YYYY-MM-DD.').refine(isRealDate, { error: 'Not a real date.' }),
    nation: z.enum(UK_NATIONS, { error: 'Choose England, Scotland, Wales or Northern Ireland.' }).optional(),
  })
  .strict()
  .refine((a) => a.policy === 'uk-ofcom' || a.nation === undefined, {
    error: 'A UK nation only goes with the Ofcom policy.',
    path: ['nation'],
  });
export type PolicyAssignmentInput = z.output<typeof policyAssignmentSchema>;

export const policyAssignmentsSchema = z
  .array(policyAssignmentSchema)
  .max(1_000, 'At most 1,000 policy assignments.')
  .refine((list) => new Set(list.map((a) => `${a.regionCode}@${a.effectiveFrom}`)).size === list.length, {
    error: 'A region has two policies from the same date; keep one.',
  });
