import { z } from 'zod';
import { SERVICE_KINDS } from '../billing';
import { OUTAGE_STEPS } from '../outage-targets';
import { OUTAGE_SEVERITIES } from '../vocabularies';

export const outageRefSchema = z.string().trim().min(1, 'An outage reference is required.').max(64);

/**
 * A wall-clock time as a `datetime-local` input gives it, `YYYY-MM-DDTHH:MM[:SS]`, read in the
 * report time zone (not the browser's), so every screen and every figure speaks the same clock.
 */
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'A date and time as YYYY-MM-DD HH:MM.')
  .refine(isRealWallTime, 'Not a real date and time.');

/** Rejects 2026-02-30T10:00 and 24:00: the fields survive a round trip through a UTC date. */
function isRealWallTime(value: string): boolean {
  const [date = '', time = ''] = value.split('T');
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi, s = 0] = time.split(':').map(Number) as [number, number, number?];
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === mo - 1 &&
    t.getUTCDate() === d &&
    t.getUTCHours() === h &&
    t.getUTCMinutes() === mi &&
    t.getUTCSeconds() === s
  );
}

const POSTCODE = /^[A-Za-z0-9][A-Za-z0-9 -]{0,15}$/;

/** Postcodes as typed: separated by commas, spaces or new lines; duplicates dropped, order kept. */
export function parsePostcodes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}

export const createOutageInput = z.object({
  title: z
    .string()
    .trim()
    .min(3, 'Give the outage a title (at least 3 characters).')
    .max(200, 'At most 200 characters.'),
  severity: z.enum(OUTAGE_SEVERITIES, 'Choose a severity.'),
  /** When it started; now when absent. */
  startedAt: localDateTimeSchema.optional(),
  regions: z
    .array(z.string().trim().min(1).max(32))
    .min(1, 'Choose at least one affected region.')
    .max(100)
    .refine((codes) => new Set(codes).size === codes.length, 'A region is listed twice.'),
  /** Empty: every customer of the regions is affected. */
  postcodes: z
    .array(z.string().trim().regex(POSTCODE, 'A postcode is letters, digits, spaces or dashes.'))
    .max(5_000, 'At most 5,000 postcodes.')
    .default([]),
  /** The services it interrupted; empty: every service. */
  services: z
    .array(z.enum(SERVICE_KINDS, 'Choose internet, landline, mobile or TV.'))
    .max(SERVICE_KINDS.length)
    .refine((kinds) => new Set(kinds).size === kinds.length, 'A service is listed twice.')
    .default([]),
  /** Force majeure limits what some laws owe (Spain: telephony's fees prorated only). */
  forceMajeure: z.boolean().default(false),
});
export type CreateOutageInput = z.input<typeof createOutageInput>;

export const recordMilestoneInput = z.object({
  ref: outageRefSchema,
  step: z.enum(OUTAGE_STEPS),
  /** When it happened; now when absent. */
  at: localDateTimeSchema.optional(),
});
export type RecordMilestoneInput = z.infer<typeof recordMilestoneInput>;

export const outageRefInput = z.object({ ref: outageRefSchema });

/** One affected customer's compensation for one outage. */
export const customerCompensationInput = z.object({
  ref: outageRefSchema,
  account: z.string().trim().min(1, 'An account number is required.').max(64, 'At most 64 characters.'),
});

export const compensateAllInput = z.object({
  ref: outageRefSchema,
  /** Admins only: credit while the outage is still open, with the hours so far. */
  force: z.boolean().default(false),
});
export type CompensateAllInput = z.input<typeof compensateAllInput>;

/** Query of the affected-customers CSV: everyone affected (for the SMS provider) or only those still owed a credit. */
export const affectedCsvQuery = z.object({
  status: z.enum(['all', 'owed']).default('all'),
});
