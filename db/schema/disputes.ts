import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { DISPUTE_CAUSES, DISPUTE_STATUSES, NOTIFICATION_CHANNELS } from '../../lib/vocabularies';
import { cents, instant } from './columns';
import { customers } from './customers';
import { users } from './users';
import { inVocabulary } from './vocabularies-sql';

export const disputes = pgTable(
  'disputes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    disputeRef: text('dispute_ref').notNull().unique(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    openedAt: instant('opened_at').notNull(),
    cause: text('cause', { enum: DISPUTE_CAUSES }).notNull(),
    disputedAmountCents: cents('disputed_amount_cents').notNull(),
    status: text('status', { enum: DISPUTE_STATUSES }).notNull(),
    assignedToId: integer('assigned_to_id').references(() => users.id),
    billNumber: integer('bill_number'),
    undueCharge: boolean('undue_charge'),
    undueReason: text('undue_reason'),
    recalculationRef: text('recalculation_ref'),
    expectedResolutionOn: date('expected_resolution_on', { mode: 'string' }),
    customerNotifiedAt: instant('customer_notified_at'),
    customerNotifiedChannel: text('customer_notified_channel', { enum: NOTIFICATION_CHANNELS }),
    resolvedAt: instant('resolved_at'),
    creditedAmountCents: cents('credited_amount_cents').notNull().default(0),
    /** Optimistic locking: every update must name the version it read. */
    version: integer('version').notNull().default(1),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('disputes_cause_check', inVocabulary(t.cause, DISPUTE_CAUSES)),
    check('disputes_status_check', inVocabulary(t.status, DISPUTE_STATUSES)),
    check('disputes_amount_check', sql`${t.disputedAmountCents} > 0`),
    check('disputes_credited_check', sql`${t.creditedAmountCents} >= 0`),
    check('disputes_bill_number_check', sql`${t.billNumber} is null or ${t.billNumber} >= 1`),
    check(
      'disputes_resolved_required',
      sql`${t.status} not in ('resolved', 'rejected') or ${t.resolvedAt} is not null`,
    ),
    check('disputes_resolved_order_check', sql`${t.resolvedAt} is null or ${t.resolvedAt} >= ${t.openedAt}`),
    check(
      'disputes_channel_check',
      sql`${t.customerNotifiedChannel} is null or ${inVocabulary(t.customerNotifiedChannel, NOTIFICATION_CHANNELS)}`,
    ),
    index('disputes_opened_idx').on(t.openedAt),
    index('disputes_resolved_idx').on(t.resolvedAt),
    index('disputes_customer_idx').on(t.customerId),
    index('disputes_queue_idx').on(t.assignedToId, t.status, t.openedAt),
  ],
);

/** The case timeline: one row per change, never updated. */
export const disputeEvents = pgTable(
  'dispute_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    disputeId: integer('dispute_id')
      .notNull()
      .references(() => disputes.id),
    actorId: integer('actor_id').references(() => users.id),
    at: instant('at').notNull().defaultNow(),
    kind: text('kind').notNull(),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>(),
    note: text('note'),
  },
  (t) => [index('dispute_events_dispute_idx').on(t.disputeId, t.at)],
);
