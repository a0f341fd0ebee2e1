import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { COMPENSATION_KINDS } from '../../lib/vocabularies';
import { cents, instant } from './columns';
import { customers } from './customers';
import { disputes } from './disputes';
import { outages } from './outages';
import { retentionCases } from './retention';
import { users } from './users';
import { inVocabulary } from './vocabularies-sql';

export const compensations = pgTable(
  'compensations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    compRef: text('comp_ref').notNull().unique(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    kind: text('kind', { enum: COMPENSATION_KINDS }).notNull(),
    amountCents: cents('amount_cents').notNull(),
    issuedAt: instant('issued_at').notNull(),
    /** Null for automatic compensation (e.g. proactive outage credits). */
    issuedById: integer('issued_by_id').references(() => users.id),
    retentionCaseId: integer('retention_case_id').references(() => retentionCases.id),
    disputeId: integer('dispute_id').references(() => disputes.id),
    outageId: integer('outage_id').references(() => outages.id),
  },
  (t) => [
    check('compensations_kind_check', inVocabulary(t.kind, COMPENSATION_KINDS)),
    check('compensations_amount_check', sql`${t.amountCents} > 0`),
    index('compensations_issued_idx').on(t.issuedAt),
    index('compensations_customer_idx').on(t.customerId),
    index('compensations_issuer_idx').on(t.issuedById),
    index('compensations_retention_idx').on(t.retentionCaseId),
    index('compensations_dispute_idx').on(t.disputeId),
    // One proactive outage credit per customer and outage: makes "compensate all" idempotent.
    uniqueIndex('compensations_outage_credit_once')
      .on(t.outageId, t.customerId)
      .where(sql`${t.kind} = 'outage_credit' and ${t.outageId} is not null`),
  ],
);
