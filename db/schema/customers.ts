import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { CHURN_CATEGORIES } from '../../lib/vocabularies';
import { cents, instant } from './columns';
import { regions } from './geography';
import { users } from './users';
import { inVocabulary } from './vocabularies-sql';

export const customers = pgTable(
  'customers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    accountNumber: text('account_number').notNull().unique(),
    name: text('name'),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    postcode: text('postcode'),
    /** E.164: + and 8 to 15 digits, no spaces (the import normalises it). */
    phone: text('phone'),
    plan: text('plan'),
    activatedAt: instant('activated_at').notNull(),
    monthlyFeeCents: cents('monthly_fee_cents').notNull(),
    churnedAt: instant('churned_at'),
    churnCategory: text('churn_category', { enum: CHURN_CATEGORIES }),
    churnReason: text('churn_reason'),
    competitor: text('competitor'),
    soldById: integer('sold_by_id').references(() => users.id),
    promoEndsAt: instant('promo_ends_at'),
    promoMonthlyDiscountCents: cents('promo_monthly_discount_cents'),
  },
  (t) => [
    check('customers_phone_check', sql`${t.phone} is null or ${t.phone} ~ '^[+][1-9][0-9]{7,14}$'`),
    check('customers_fee_check', sql`${t.monthlyFeeCents} >= 0`),
    check('customers_promo_discount_check', sql`${t.promoMonthlyDiscountCents} is null or ${t.promoMonthlyDiscountCents} >= 0`),
    check('customers_churn_order_check', sql`${t.churnedAt} is null or ${t.churnedAt} >= ${t.activatedAt}`),
    check('customers_churn_category_required', sql`${t.churnedAt} is null or ${t.churnCategory} is not null`),
    check('customers_churn_category_check', sql`${t.churnCategory} is null or ${inVocabulary(t.churnCategory, CHURN_CATEGORIES)}`),
    index('customers_region_idx').on(t.regionCode),
    index('customers_postcode_idx').on(t.postcode),
    // The global search's digits-contains match (server/services/search/match.ts).
    index('customers_phone_trgm_idx').using('gin', t.phone.op('gin_trgm_ops')),
    index('customers_activated_idx').on(t.activatedAt),
    index('customers_churned_idx').on(t.churnedAt),
    index('customers_sold_by_idx').on(t.soldById),
    index('customers_promo_ends_idx').on(t.promoEndsAt),
  ],
);
