import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { cents, instant } from './columns';
import { customers } from './customers';

/**
 * The services a customer subscribes to, one fee per service (null: not subscribed). Their sum is
 * the customer's `monthly_fee_cents`: a trigger keeps the total in step whenever the services change.
 */
export const customerServices = pgTable(
  'customer_services',
  {
    customerId: integer('customer_id')
      .primaryKey()
      .references(() => customers.id, { onDelete: 'cascade' }),
    internetFeeCents: cents('internet_fee_cents'),
    landlineFeeCents: cents('landline_fee_cents'),
    mobileFeeCents: cents('mobile_fee_cents'),
    tvFeeCents: cents('tv_fee_cents'),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check(
      'customer_services_fees_check',
      sql`coalesce(${t.internetFeeCents}, 0) >= 0 and coalesce(${t.landlineFeeCents}, 0) >= 0
        and coalesce(${t.mobileFeeCents}, 0) >= 0 and coalesce(${t.tvFeeCents}, 0) >= 0`,
    ),
    check(
      'customer_services_some_service',
      sql`num_nonnulls(${t.internetFeeCents}, ${t.landlineFeeCents}, ${t.mobileFeeCents}, ${t.tvFeeCents}) > 0`,
    ),
  ],
);

/** One bill per customer and month: what was billed for each service (null: not on the bill). */
export const bills = pgTable(
  'bills',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    billRef: text('bill_ref').notNull().unique(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    /** The first day of the billed month. */
    period: date('period', { mode: 'string' }).notNull(),
    internetCents: cents('internet_cents'),
    landlineCents: cents('landline_cents'),
    mobileCents: cents('mobile_cents'),
    tvCents: cents('tv_cents'),
  },
  (t) => [
    check('bills_period_first_day', sql`extract(day from ${t.period}) = 1`),
    check(
      'bills_amounts_check',
      sql`coalesce(${t.internetCents}, 0) >= 0 and coalesce(${t.landlineCents}, 0) >= 0
        and coalesce(${t.mobileCents}, 0) >= 0 and coalesce(${t.tvCents}, 0) >= 0`,
    ),
    uniqueIndex('bills_customer_period').on(t.customerId, t.period),
    index('bills_period_idx').on(t.period),
  ],
);
