import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { CHURN_CATEGORIES, OFFER_TYPES, RETENTION_OUTCOMES } from '../../lib/vocabularies';
import { cents, instant } from './columns';
import { customers } from './customers';
import { disputes } from './disputes';
import { users } from './users';
import { inVocabulary } from './vocabularies-sql';

export const retentionCases = pgTable(
  'retention_cases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    caseRef: text('case_ref').notNull().unique(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    repId: integer('rep_id')
      .notNull()
      .references(() => users.id),
    openedAt: instant('opened_at').notNull(),
    reason: text('reason', { enum: CHURN_CATEGORIES }).notNull(),
    offerType: text('offer_type', { enum: OFFER_TYPES }).notNull(),
    outcome: text('outcome', { enum: RETENTION_OUTCOMES }).notNull(),
    mrrAtRiskCents: cents('mrr_at_risk_cents').notNull(),
    closedAt: instant('closed_at'),
    offerMonthlyDiscountCents: cents('offer_monthly_discount_cents').notNull().default(0),
    offerMonths: integer('offer_months').notNull().default(0),
    /** Set when a billing dispute was escalated to retention. */
    escalatedFromDisputeId: integer('escalated_from_dispute_id').references((): AnyPgColumn => disputes.id),
    notes: text('notes'),
  },
  (t) => [
    check('retention_reason_check', inVocabulary(t.reason, CHURN_CATEGORIES)),
    check('retention_offer_type_check', inVocabulary(t.offerType, OFFER_TYPES)),
    check('retention_outcome_check', inVocabulary(t.outcome, RETENTION_OUTCOMES)),
    check('retention_mrr_check', sql`${t.mrrAtRiskCents} >= 0`),
    check('retention_discount_check', sql`${t.offerMonthlyDiscountCents} >= 0`),
    check('retention_months_check', sql`${t.offerMonths} >= 0`),
    check('retention_closed_required', sql`${t.outcome} = 'pending' or ${t.closedAt} is not null`),
    check('retention_closed_order_check', sql`${t.closedAt} is null or ${t.closedAt} >= ${t.openedAt}`),
    index('retention_opened_idx').on(t.openedAt),
    index('retention_closed_idx').on(t.closedAt),
    index('retention_rep_idx').on(t.repId),
    index('retention_customer_idx').on(t.customerId),
  ],
);
