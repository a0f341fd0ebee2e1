import { z } from 'zod';
import { CHURN_CATEGORIES, DISPUTE_STATUSES, NOTIFICATION_CHANNELS } from '../vocabularies';
import { rowIdSchema } from './ids';

export const disputeRefSchema = z.string().trim().min(1, 'A dispute reference is required.').max(64);

/** Every change names the version it was based on; the server refuses it if the case moved on. */
export const disputeTargetSchema = z.object({
  ref: disputeRefSchema,
  version: rowIdSchema,
});
export type DisputeTarget = z.infer<typeof disputeTargetSchema>;

const note = (max = 2000) => z.string().trim().max(max, `At most ${max} characters.`);
const optionalNote = note()
  .optional()
  .transform((v) => (v ? v : undefined));

export const getDisputeCaseInput = z.object({ ref: disputeRefSchema });

export const transitionInput = disputeTargetSchema.extend({
  to: z.enum(DISPUTE_STATUSES),
  note: optionalNote,
});
export type TransitionInput = z.infer<typeof transitionInput>;

export const recordFindingInput = disputeTargetSchema
  .extend({
    undueCharge: z.boolean(),
    undueReason: note(500)
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .refine((v) => !v.undueCharge || v.undueReason !== null, {
    message: 'Say what was undue about the charge.',
    path: ['undueReason'],
  });
export type RecordFindingInput = z.infer<typeof recordFindingInput>;

export const isoDateSchema = z.iso.date('A calendar date as YYYY-MM-DD.');

export const recordRecalculationInput = disputeTargetSchema.extend({
  recalculationRef: z.string().trim().min(1, 'The recalculation reference is required.').max(64),
  expectedResolutionOn: isoDateSchema,
});
export type RecordRecalculationInput = z.infer<typeof recordRecalculationInput>;

export const recordCustomerNotifiedInput = disputeTargetSchema.extend({
  channel: z.enum(NOTIFICATION_CHANNELS),
  /** When the customer was told; now when absent. */
  at: z.date().optional(),
});
export type RecordCustomerNotifiedInput = z.infer<typeof recordCustomerNotifiedInput>;

export const addNoteInput = disputeTargetSchema.extend({
  note: note().min(1, 'Write the note first.'),
});
export type AddNoteInput = z.infer<typeof addNoteInput>;

/** A credit is at most a million euros: anything larger is a typo. */
export const MAX_CREDIT_CENTS = 100_000_000;

export const issueCreditInput = disputeTargetSchema.extend({
  amountCents: z
    .number()
    .int('Whole cents only.')
    .positive('The amount must be more than zero.')
    .max(MAX_CREDIT_CENTS, 'That amount is too large.'),
  reason: note(500).min(1, 'Say why the customer is credited.'),
});
export type IssueCreditInput = z.infer<typeof issueCreditInput>;

export const escalateToRetentionInput = disputeTargetSchema.extend({
  reason: z.enum(CHURN_CATEGORIES),
  note: optionalNote,
});
export type EscalateToRetentionInput = z.infer<typeof escalateToRetentionInput>;

const bulkItems = z
  .array(disputeTargetSchema)
  .min(1, 'Select at least one dispute.')
  .max(500, 'At most 500 disputes at a time.')
  .refine((items) => new Set(items.map((i) => i.ref)).size === items.length, {
    message: 'A dispute is listed twice.',
  });

export const bulkReassignInput = z.object({
  items: bulkItems,
  /** The rep who takes the disputes; null leaves them unassigned. */
  assigneeEmail: z.string().trim().toLowerCase().pipe(z.email()).nullable(),
});
export type BulkReassignInput = z.infer<typeof bulkReassignInput>;

export const bulkTransitionInput = z.object({
  items: bulkItems,
  to: z.enum(DISPUTE_STATUSES),
});
export type BulkTransitionInput = z.infer<typeof bulkTransitionInput>;

export const decideCreditRequestInput = z
  .object({
    id: rowIdSchema,
    approve: z.boolean(),
    note: note(500)
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .refine((v) => v.approve || v.note !== null, { message: 'Say why the credit is rejected.', path: ['note'] });
export type DecideCreditRequestInput = z.infer<typeof decideCreditRequestInput>;

/** "12.5" or "12,50" euros → 1250 cents; null when it is not an amount with at most 2 decimals. */
export function parseMoneyToCents(text: string): number | null {
  const match = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + fraction;
}
