import 'server-only';
import type { PgTable } from 'drizzle-orm/pg-core';
import { bills, customers } from '@/db/schema';
import { SERVICE_KINDS } from '@/lib/billing';
import type { ImportEntity } from '@/lib/schemas/import';
import { CHURN_CATEGORIES } from '@/lib/vocabularies';
import { cleaned, emailOf, instantOf, INSTANT_PATTERN, moneyCents, trimmed, vocabularyOf } from './sql-cells';

/** The SQL reading of one staged row: what it joins, whether it is clean, the column values. */
export interface RowSql {
  /** `cross join lateral …` and `left join …` clauses after `from stage s`. */
  from: string;
  /** Each must be true for the row to be clean (null counts as false). */
  checks: string[];
  /** Table column name → SQL value. */
  values: Record<string, string>;
  /** The natural key's SQL value. */
  key: string;
}

/**
 * An entity the COPY import reads in SQL. Only entities whose checks read nothing the import
 * itself writes qualify: the rows' verdicts then do not depend on the order of the writes.
 */
export interface CopyPlan {
  /** As UpsertSpec: the table, its natural key's property, CSV column → property. */
  spec: { table: PgTable; target: string; fromCsv: Readonly<Record<string, string>> };
  /** The CSV columns the plan reads: a file with any other column is imported row by row. */
  columns: readonly string[];
  /** `raw(column)` is the cell's text ('' when empty or absent). */
  rowSql(raw: (column: string) => string, tz: string): RowSql;
}

// `offset 0` keeps each step a subquery evaluated once per row: pulled up, every reference to one of
// its columns would repeat the whole expression (a regexp_match dozens of times a cell).
const lateral = (alias: string, values: Record<string, string>) =>
  `cross join lateral (select ${Object.entries(values)
    .map(([name, value]) => `${value} as ${name}`)
    .join(', ')} offset 0) ${alias}`;

const optional = (cell: string, parsed: string) => `(${cell} is null or ${parsed} is not null)`;

/** As entities/customers.ts maps them: the columns this plan reads; a file with another goes row by row. */
const CUSTOMERS_FROM_CSV = {
  name: 'name',
  region_code: 'regionCode',
  postcode: 'postcode',
  plan: 'plan',
  activated_at: 'activatedAt',
  monthly_fee: 'monthlyFeeCents',
  churned_at: 'churnedAt',
  churn_category: 'churnCategory',
  churn_reason: 'churnReason',
  competitor: 'competitor',
  sold_by: 'soldById',
  promo_ends_at: 'promoEndsAt',
  promo_monthly_discount: 'promoMonthlyDiscountCents',
} as const;

const BILLS_FROM_CSV = {
  account_number: 'customerId',
  period: 'period',
  internet: 'internetCents',
  landline: 'landlineCents',
  mobile: 'mobileCents',
  tv: 'tvCents',
} as const;

const CUSTOMER_COLUMNS = ['account_number', ...Object.keys(CUSTOMERS_FROM_CSV)];
const INSTANTS = ['activated_at', 'churned_at', 'promo_ends_at'];

const customersPlan: CopyPlan = {
  spec: { table: customers, target: 'accountNumber', fromCsv: CUSTOMERS_FROM_CSV },
  columns: CUSTOMER_COLUMNS,
  rowSql(raw, tz) {
    const t = Object.fromEntries(CUSTOMER_COLUMNS.map((c) => [c, trimmed(raw(c))]));
    const v = Object.fromEntries(CUSTOMER_COLUMNS.map((c) => [c, cleaned(`t.${c}`)]));
    const m = Object.fromEntries(INSTANTS.map((c) => [c, `regexp_match(v.${c}, ${INSTANT_PATTERN})`]));
    const p = {
      ...Object.fromEntries(INSTANTS.map((c) => [c, instantOf(`m.${c}`, tz)])),
      monthly_fee: moneyCents('v.monthly_fee'),
      promo_monthly_discount: moneyCents('v.promo_monthly_discount'),
      churn_category: vocabularyOf('v.churn_category', CHURN_CATEGORIES),
      sold_by: emailOf('v.sold_by'),
    };
    const serviceTotal = ['internet', 'landline', 'mobile', 'tv']
      .map((s) => `coalesce(cs.${s}_fee_cents, 0)`)
      .join(' + ');
    return {
      from: [
        lateral('t', t),
        lateral('v', v),
        lateral('m', m),
        lateral('p', p),
        'left join regions rg on rg.code = v.region_code',
        'left join postcodes pc on pc.postcode = v.postcode',
        'left join users us on us.email = p.sold_by',
        'left join customers cu on cu.account_number = v.account_number',
        'left join customer_services cs on cs.customer_id = cu.id',
      ].join('\n'),
      checks: [
        'v.account_number is not null',
        'rg.code is not null',
        'p.activated_at is not null',
        'p.monthly_fee is not null',
        '(v.postcode is null or pc.region_code = v.region_code)',
        optional('v.churned_at', 'p.churned_at'),
        '(p.churned_at is null or p.churned_at >= p.activated_at)',
        optional('v.churn_category', 'p.churn_category'),
        '(p.churned_at is null or v.churn_category is not null)',
        optional('v.sold_by', 'us.id'),
        optional('v.promo_ends_at', 'p.promo_ends_at'),
        optional('v.promo_monthly_discount', 'p.promo_monthly_discount'),
        `(cs.customer_id is null or ${serviceTotal} = p.monthly_fee)`,
      ],
      values: {
        account_number: 'v.account_number',
        name: 'v.name',
        region_code: 'v.region_code',
        postcode: 'v.postcode',
        plan: 'v.plan',
        activated_at: 'p.activated_at',
        monthly_fee_cents: 'p.monthly_fee',
        churned_at: 'p.churned_at',
        churn_category: 'p.churn_category',
        churn_reason: 'v.churn_reason',
        competitor: 'v.competitor',
        sold_by_id: 'us.id',
        promo_ends_at: 'p.promo_ends_at',
        promo_monthly_discount_cents: 'p.promo_monthly_discount',
      },
      key: 'v.account_number',
    };
  },
};

const billsPlan: CopyPlan = {
  spec: { table: bills, target: 'billRef', fromCsv: BILLS_FROM_CSV },
  columns: ['bill_ref', ...Object.keys(BILLS_FROM_CSV)],
  rowSql(raw) {
    const columns = ['bill_ref', 'account_number', 'period', ...SERVICE_KINDS];
    const t = Object.fromEntries(columns.map((c) => [c, trimmed(raw(c))]));
    const v = {
      ...Object.fromEntries(columns.map((c) => [c, cleaned(`t.${c}`)])),
      period: 't.period',
    };
    const p = {
      period: `(case when v.period ~ '^[0-9]{4}-(0[1-9]|1[0-2])(-01)?$' then (substr(v.period, 1, 7) || '-01')::date end)`,
      ...Object.fromEntries(SERVICE_KINDS.map((s) => [s, moneyCents(`v.${s}`)])),
    };
    return {
      from: [
        lateral('t', t),
        lateral('v', v),
        lateral('p', p),
        'left join customers cu on cu.account_number = v.account_number',
      ].join('\n'),
      checks: [
        'v.bill_ref is not null',
        'cu.id is not null',
        'p.period is not null',
        ...SERVICE_KINDS.map((s) => optional(`v.${s}`, `p.${s}`)),
      ],
      values: {
        bill_ref: 'v.bill_ref',
        customer_id: 'cu.id',
        period: 'p.period',
        ...Object.fromEntries(SERVICE_KINDS.map((s) => [`${s}_cents`, `p.${s}`])),
      },
      key: 'v.bill_ref',
    };
  },
};

export const COPY_PLANS: Partial<Record<ImportEntity, CopyPlan>> = {
  customers: customersPlan,
  bills: billsPlan,
};
