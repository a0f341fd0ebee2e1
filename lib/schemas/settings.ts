import { z } from 'zod';
import { TEAMS } from '../vocabularies';
import { policyAssignmentsSchema } from './compensation-policies';

/** The settings an admin edits at /admin/settings; `demoData` is the seed's own flag and is not among them. */
export const EDITABLE_SETTING_KEYS = [
  'disputeSlaHours',
  'disputeDueWarningHours',
  'repCreditLimitPerCaseCents',
  'repCreditLimitPerMonthCents',
  'creditLimitOverrides',
  'commTargetMinutes',
  'milestoneTargetMinutes',
  'outageCompMultiplier',
  'outageCompFloorCents',
  'outageCompMinHours',
  'legalCompensationPolicies',
  'currency',
  'reportTz',
  'sessionIdleMinutes',
  'sessionAbsoluteHours',
  'maxRequestBodyBytes',
  'maxUploadBytes',
  'maxImportCellLength',
] as const;
export type EditableSettingKey = (typeof EDITABLE_SETTING_KEYS)[number];

/** A real IANA zone: one the runtime's ICU lists, or at least one it accepts by that name (not a bare offset). */
export function isTimeZone(value: string): boolean {
  if (value === 'UTC' || Intl.supportedValuesOf('timeZone').includes(value)) return true;
  if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An ISO 4217 currency code the runtime knows (it formats amounts with it). */
export function isCurrency(value: string): boolean {
  return /^[A-Z]{3}$/.test(value) && Intl.supportedValuesOf('currency').includes(value);
}

/** "1 hour", "72 hours". */
const quantity = (n: number, units: string) => `${n.toLocaleString('en')} ${n === 1 ? units.replace(/s$/, '') : units}`;

const wholeNumber = (min: number, max: number, units: string) =>
  z
    .number({ error: 'Enter a number.' })
    .int('Whole numbers only.')
    .min(min, `At least ${quantity(min, units)}.`)
    .max(max, `At most ${quantity(max, units)}.`);

/** Money limits: at most 1,000,000.00 in the currency, zero allowed (every credit then needs approval). */
export const MAX_SETTING_CENTS = 100_000_000;
const cents = z
  .number({ error: 'Enter an amount.' })
  .int('Whole cents only.')
  .min(0, 'The amount cannot be negative.')
  .max(MAX_SETTING_CENTS, 'At most 1,000,000.00.');

const milestoneMinutes = wholeNumber(1, 10_080, 'minutes');

export const creditLimitOverrideSchema = z
  .object({
    team: z.enum(TEAMS, { error: 'Choose a team.' }).optional(),
    userId: z.number().int().positive('Choose a user.').optional(),
    perCaseCents: cents,
    perMonthCents: cents,
  })
  .strict()
  .refine((o) => (o.team === undefined) !== (o.userId === undefined), {
    error: 'An override is for one team or one user.',
    path: ['team'],
  });
export type CreditLimitOverrideInput = z.infer<typeof creditLimitOverrideSchema>;

const overrideTarget = (o: CreditLimitOverrideInput) => (o.team !== undefined ? `team:${o.team}` : `user:${o.userId}`);

/** One schema per editable key, each with messages a form can show beside the field. */
export const settingFieldSchemas = {
  disputeSlaHours: wholeNumber(1, 720, 'hours'),
  disputeDueWarningHours: wholeNumber(1, 720, 'hours'),
  repCreditLimitPerCaseCents: cents,
  repCreditLimitPerMonthCents: cents,
  creditLimitOverrides: z
    .array(creditLimitOverrideSchema)
    .max(500, 'At most 500 overrides.')
    .refine((list) => new Set(list.map(overrideTarget)).size === list.length, {
      error: 'A team or user has two overrides; keep one.',
    }),
  commTargetMinutes: wholeNumber(1, 1_440, 'minutes'),
  milestoneTargetMinutes: z
    .object({
      detect: milestoneMinutes,
      ivr: milestoneMinutes,
      sms: milestoneMinutes,
      brief: milestoneMinutes,
      resolve: milestoneMinutes,
    })
    .strict(),
  outageCompMultiplier: z
    .number({ error: 'Enter a number.' })
    .min(1, 'At least 1: the policy can raise the legal minimum, never lower it.')
    .max(10, 'At most 10.')
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { error: 'At most two decimals.' }),
  outageCompFloorCents: cents,
  outageCompMinHours: wholeNumber(0, 720, 'hours'),
  legalCompensationPolicies: policyAssignmentsSchema,
  currency: z.string().trim().toUpperCase().refine(isCurrency, { error: 'A three-letter ISO 4217 code, such as EUR.' }),
  reportTz: z
    .string()
    .trim()
    .min(1, 'Choose a time zone.')
    .refine(isTimeZone, { error: 'An IANA time zone, such as Europe/Madrid.' }),
  sessionIdleMinutes: wholeNumber(5, 1_440, 'minutes'),
  sessionAbsoluteHours: wholeNumber(1, 720, 'hours'),
  maxRequestBodyBytes: wholeNumber(65_536, 67_108_864, 'bytes'),
  maxUploadBytes: wholeNumber(1_048_576, 1_073_741_824, 'bytes'),
  maxImportCellLength: wholeNumber(100, 1_000_000, 'characters'),
} satisfies Record<EditableSettingKey, z.ZodType>;

export type EditableSettings = { [K in EditableSettingKey]: z.output<(typeof settingFieldSchemas)[K]> };

export const IDLE_ABOVE_ABSOLUTE = 'The idle timeout cannot be longer than the absolute session length.';

/** Idle minutes within the absolute hours; checked again by the service against the stored other half. */
export function sessionLengthsAgree(idleMinutes: number, absoluteHours: number): boolean {
  return idleMinutes <= absoluteHours * 60;
}

/** The keys an admin changed, each validated on its own; absent keys stay as they are. */
export const settingsPatchInput = z
  .object(settingFieldSchemas)
  .partial()
  .strict()
  .superRefine((patch, ctx) => {
    const { sessionIdleMinutes: idle, sessionAbsoluteHours: absolute } = patch;
    if (idle !== undefined && absolute !== undefined && !sessionLengthsAgree(idle, absolute)) {
      ctx.addIssue({ code: 'custom', message: IDLE_ABOVE_ABSOLUTE, path: ['sessionIdleMinutes'] });
    }
  });
export type SettingsPatch = z.output<typeof settingsPatchInput>;

export const resetSettingInput = z.object({ key: z.enum(EDITABLE_SETTING_KEYS) });
