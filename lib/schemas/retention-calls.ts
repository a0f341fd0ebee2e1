import { z } from 'zod';
import {
  CHURN_CATEGORIES,
  OFFER_TYPES,
  type ChurnCategory,
  type CompensationKind,
  type OfferType,
} from '../vocabularies';
import { PG_INTEGER_MAX, rowIdSchema } from './ids';

export const MY_CASES_PAGE_SIZE = 50;
export const MAX_OFFER_MONTHS = 36;
/** €100,000: far above any real offer, low enough to catch a typo with extra zeros. */
export const MAX_AMOUNT_CENTS = 10_000_000;
/** A closed time a little ahead of the server clock is a skewed browser clock, not the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * What a SAVED case books as a compensation linked to it (pending and lost cases book nothing):
 * discount / promotion → `retention_offer` of monthly discount × months;
 * fee waiver → `fee_waiver` and loyalty credit → `loyalty_credit`, of the one-off amount;
 * upgrade and none → no compensation.
 */
export const OFFER_COMPENSATION: Record<OfferType, CompensationKind | null> = {
  discount: 'retention_offer',
  promotion: 'retention_offer',
  fee_waiver: 'fee_waiver',
  loyalty_credit: 'loyalty_credit',
  upgrade: null,
  none: null,
};

/** Offers given as a monthly discount for some months. */
export const MONTHLY_OFFERS: readonly OfferType[] = ['discount', 'promotion'];
/** Offers given as a single amount, entered when the case is saved (cases store no one-off amount). */
export const ONE_OFF_OFFERS: readonly OfferType[] = ['fee_waiver', 'loyalty_credit'];
/** Offers only the retention desk may give. */
export const MONEY_OFFERS: readonly OfferType[] = [...MONTHLY_OFFERS, ...ONE_OFF_OFFERS];

export const CLOSED_OUTCOMES = ['saved', 'churned'] as const;
export const CALL_OUTCOMES = ['saved', 'churned', 'pending'] as const;

/** The compensation a saved case with this offer books, or null. */
export function offerCompensation(offer: {
  offerType: OfferType;
  offerMonthlyDiscountCents: number;
  offerMonths: number;
  oneOffAmountCents: number | null;
}): { kind: CompensationKind; amountCents: number } | null {
  const kind = OFFER_COMPENSATION[offer.offerType];
  if (kind === null) return null;
  const amountCents = MONTHLY_OFFERS.includes(offer.offerType)
    ? offer.offerMonthlyDiscountCents * offer.offerMonths
    : (offer.oneOffAmountCents ?? 0);
  return amountCents > 0 ? { kind, amountCents } : null;
}

const cents = z
  .number()
  .int('Amounts are whole cents.')
  .min(0, 'Amounts cannot be negative.')
  .max(MAX_AMOUNT_CENTS, 'That amount is too large for a retention offer.');
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

const offerShape = {
  offerType: z.enum(OFFER_TYPES, { error: 'Choose the offer that was made.' }),
  offerMonthlyDiscountCents: cents.default(0),
  offerMonths: z
    .number()
    .int('Months are a whole number.')
    .min(0, 'Months cannot be negative.')
    .max(MAX_OFFER_MONTHS, `An offer runs at most ${MAX_OFFER_MONTHS} months.`)
    .default(0),
  /** Fee waivers and loyalty credits only; needed when the case is saved. */
  oneOffAmountCents: cents.nullable().default(null),
  /** Recorded on the customer when they leave for a competitor. */
  competitor: optionalText(80, 'The competitor'),
  notes: optionalText(2000, 'Notes'),
};

interface CallRules {
  outcome: (typeof CALL_OUTCOMES)[number];
  closedAt: Date | null;
  offerType: OfferType;
  offerMonthlyDiscountCents: number;
  offerMonths: number;
  oneOffAmountCents: number | null;
  competitor: string | null;
  /** Unknown when closing: the case holds it, and the service checks it. */
  reason?: ChurnCategory;
  mrrAtRiskCents?: number | null;
}

/** The rules shared by opening and closing a case; each message names what to fix. */
function checkCall(v: CallRules, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (v.outcome === 'pending') {
    if (v.closedAt !== null) issue('closedAt', 'A pending case has no closed time.');
  } else if (v.closedAt === null) {
    issue('closedAt', 'Enter when the call was closed.');
  } else if (v.closedAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
    issue('closedAt', 'The closed time cannot be in the future.');
  }

  if (MONTHLY_OFFERS.includes(v.offerType)) {
    if (v.offerMonthlyDiscountCents <= 0) issue('offerMonthlyDiscountCents', 'Enter the monthly discount offered.');
    if (v.offerMonths < 1) issue('offerMonths', 'Enter for how many months the discount runs.');
    if (v.mrrAtRiskCents != null && v.offerMonthlyDiscountCents > v.mrrAtRiskCents) {
      issue('offerMonthlyDiscountCents', 'The monthly discount cannot exceed the MRR at risk.');
    }
  } else if (v.offerMonthlyDiscountCents !== 0 || v.offerMonths !== 0) {
    issue('offerMonthlyDiscountCents', 'A monthly discount only goes with a discount or promotion offer.');
  }

  if (ONE_OFF_OFFERS.includes(v.offerType)) {
    if (v.outcome === 'saved' && !(v.oneOffAmountCents && v.oneOffAmountCents > 0)) {
      issue('oneOffAmountCents', 'Enter the one-off amount credited to the customer.');
    }
  } else if (v.oneOffAmountCents !== null && v.oneOffAmountCents !== 0) {
    issue('oneOffAmountCents', 'A one-off amount only goes with a fee waiver or loyalty credit.');
  }

  if (v.competitor !== null) {
    if (v.outcome !== 'churned') issue('competitor', 'A competitor is recorded only when the customer leaves.');
    else if (v.reason !== undefined && v.reason !== 'competitor') {
      issue('competitor', 'A competitor is recorded only when the reason is "competitor".');
    }
  }
}

export const lookupCustomersInput = z.object({
  q: z.string().trim().min(2, 'Type at least 2 characters.').max(100, 'Search with at most 100 characters.'),
});

export const openRetentionCaseInput = z
  .object({
    customerId: z
      .number({ error: 'Choose the customer first.' })
      .int()
      .positive('Choose the customer first.')
      .max(PG_INTEGER_MAX, 'Choose the customer first.'),
    /** The rep who took the call; managers and admins choose one, a rep is always themselves. */
    repId: rowIdSchema.nullable().default(null),
    reason: z.enum(CHURN_CATEGORIES, { error: 'Choose the reason the customer gave.' }),
    outcome: z.enum(CALL_OUTCOMES, { error: 'Choose the outcome of the call.' }),
    closedAt: z.date({ error: 'Enter a valid closed time.' }).nullable().default(null),
    /** Null: the customer's monthly fee. */
    mrrAtRiskCents: cents.nullable().default(null),
    ...offerShape,
  })
  .superRefine(checkCall);
export type OpenRetentionCaseInput = z.input<typeof openRetentionCaseInput>;
export type OpenRetentionCase = z.output<typeof openRetentionCaseInput>;

export const closeRetentionCaseInput = z
  .object({
    caseId: rowIdSchema,
    outcome: z.enum(CLOSED_OUTCOMES, { error: 'Choose saved or churned.' }),
    closedAt: z.date({ error: 'Enter when the call was closed.' }),
    ...offerShape,
  })
  .superRefine(checkCall);
export type CloseRetentionCaseInput = z.input<typeof closeRetentionCaseInput>;
export type CloseRetentionCase = z.output<typeof closeRetentionCaseInput>;

export const myCasesInput = z.object({ page: z.number().int().min(1).max(10_000).default(1) });

// The forms hold text; these schemas turn it into the inputs above and report errors per field.

const EUROS = /^(\d{1,9})(?:[.,](\d{1,2}))?$/;

/** "12.5" or "12,50" → 1250; null when the text is not euros with at most 2 decimals. */
export function eurosToCents(text: string): number | null {
  const match = EUROS.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 1250 → "12.50", for prefilling a euro field. */
export function centsToEuros(value: number): string {
  return (value / 100).toFixed(2);
}

const eurosText = z
  .string()
  .trim()
  .refine((v) => v === '' || EUROS.test(v), 'Enter euros with at most 2 decimals, e.g. 12.50.')
  .transform((v) => (v === '' ? null : eurosToCents(v)));
const monthsText = z
  .string()
  .trim()
  .refine((v) => /^\d{0,3}$/.test(v), 'Enter a whole number of months.')
  .transform((v) => (v === '' ? 0 : Number(v)));
/** A `datetime-local` value, read in the browser's time zone. */
const localTimeText = z
  .string()
  .trim()
  .refine((v) => v === '' || !Number.isNaN(new Date(v).getTime()), 'Enter a valid date and time.')
  .transform((v) => (v === '' ? null : new Date(v)));

const offerForm = {
  offerType: z.string(),
  offerMonthlyDiscount: eurosText,
  offerMonths: monthsText,
  oneOffAmount: eurosText,
  competitor: z.string(),
  notes: z.string(),
};

type OfferFormOutput = {
  offerType: string;
  offerMonthlyDiscount: number | null;
  offerMonths: number;
  oneOffAmount: number | null;
  competitor: string;
  notes: string;
};

/** Fields the chosen offer does not use are dropped, so stale values never block a submit. */
function offerFromForm(v: OfferFormOutput, keepCompetitor: boolean) {
  const monthly = MONTHLY_OFFERS.includes(v.offerType as OfferType);
  return {
    offerType: v.offerType,
    offerMonthlyDiscountCents: monthly ? (v.offerMonthlyDiscount ?? 0) : 0,
    offerMonths: monthly ? v.offerMonths : 0,
    oneOffAmountCents: ONE_OFF_OFFERS.includes(v.offerType as OfferType) ? v.oneOffAmount : null,
    competitor: keepCompetitor ? v.competitor : null,
    notes: v.notes,
  };
}

const retentionCallFormSchema = z
  .object({
    customerId: z.number().nullable(),
    repId: z.string(),
    reason: z.string(),
    outcome: z.string(),
    closedAt: localTimeText,
    mrrAtRisk: eurosText,
    ...offerForm,
  })
  .transform((v) => ({
    customerId: v.customerId,
    repId: v.repId === '' ? null : Number(v.repId),
    reason: v.reason,
    outcome: v.outcome,
    closedAt: v.outcome === 'pending' ? null : v.closedAt,
    mrrAtRiskCents: v.mrrAtRisk,
    ...offerFromForm(v, v.reason === 'competitor' && v.outcome === 'churned'),
  }));
export type RetentionCallFormValues = z.input<typeof retentionCallFormSchema>;

const closeCaseFormSchema = z
  .object({
    caseId: z.number(),
    reason: z.string(),
    outcome: z.string(),
    closedAt: localTimeText,
    ...offerForm,
  })
  .transform((v) => ({
    caseId: v.caseId,
    outcome: v.outcome,
    closedAt: v.closedAt,
    ...offerFromForm(v, v.reason === 'competitor' && v.outcome === 'churned'),
  }));
export type CloseCaseFormValues = z.input<typeof closeCaseFormSchema>;

export type FormResult<T> = { ok: true; input: T } | { ok: false; errors: Record<string, string> };

/** The first message per form field (`offerMonthlyDiscountCents` → `offerMonthlyDiscount`). */
function formErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form').replace(/Cents$/, '');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Reads the text of a form, then checks it with the schema the router uses. */
function parseForm<T extends z.ZodType>(text: z.ZodType, schema: T, values: unknown): FormResult<z.output<T>> {
  const read = text.safeParse(values);
  if (!read.success) return { ok: false, errors: formErrors(read.error) };
  const checked = schema.safeParse(read.data);
  return checked.success ? { ok: true, input: checked.data } : { ok: false, errors: formErrors(checked.error) };
}

export function parseRetentionCallForm(values: RetentionCallFormValues): FormResult<OpenRetentionCase> {
  return parseForm(retentionCallFormSchema, openRetentionCaseInput, values);
}

export function parseCloseCaseForm(values: CloseCaseFormValues): FormResult<CloseRetentionCase> {
  return parseForm(closeCaseFormSchema, closeRetentionCaseInput, values);
}
