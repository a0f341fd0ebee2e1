import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { customers } from '@/db/schema';
import { parsePhone } from '@/lib/phone';
import { CHURN_CATEGORIES, type ChurnCategory } from '@/lib/vocabularies';
import type { EntityImporter } from '../entity';
import type { ImportWriter } from '../import-writer';
import type { CellError } from '../row-reader';

interface CustomerDraft {
  accountNumber: string;
  name: string | null;
  regionCode: string;
  postcode: string | null;
  phone: string | null;
  plan: string | null;
  activatedAt: Date;
  monthlyFeeCents: number;
  churnedAt: Date | null;
  churnCategory: ChurnCategory | null;
  churnReason: string | null;
  competitor: string | null;
  soldBy: string | null;
  promoEndsAt: Date | null;
  promoMonthlyDiscountCents: number | null;
}

const UPDATABLE = {
  name: 'name',
  region_code: 'regionCode',
  postcode: 'postcode',
  phone: 'phone',
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

export const customersImporter: EntityImporter<CustomerDraft> = {
  columns: [
    { name: 'account_number', required: true },
    { name: 'region_code', required: true },
    { name: 'activated_at', required: true },
    { name: 'monthly_fee', required: true },
    ...Object.keys(UPDATABLE)
      .filter((c) => !['region_code', 'activated_at', 'monthly_fee'].includes(c))
      .map((name) => ({ name, required: false })),
  ],
  parse(r) {
    const accountNumber = r.text('account_number', { required: true });
    const regionCode = r.ref('region_code', 'region', { required: true });
    const activatedAt = r.instant('activated_at', { required: true });
    const monthlyFeeCents = r.money('monthly_fee', 'zero', { required: true });
    const postcode = r.ref('postcode', 'postcode');
    const churnedAt = r.instant('churned_at');
    r.notBefore('churned_at', churnedAt, 'activated_at', activatedAt);
    const churnCategory = r.vocabulary('churn_category', CHURN_CATEGORIES);
    if (churnedAt !== null && churnCategory === null && r.raw('churn_category').trim() === '') {
      r.fail('churn_category', 'required when churned_at is set');
    }
    const draft = {
      name: r.text('name'),
      phone: phoneOf(r.text('phone'), (reason) => r.fail('phone', reason)),
      plan: r.text('plan'),
      churnReason: r.text('churn_reason'),
      competitor: r.text('competitor'),
      soldBy: r.ref('sold_by', 'user'),
      promoEndsAt: r.instant('promo_ends_at'),
      promoMonthlyDiscountCents: r.money('promo_monthly_discount', 'zero'),
    };
    if (accountNumber === null || regionCode === null || activatedAt === null || monthlyFeeCents === null) return null;
    return { ...draft, accountNumber, regionCode, activatedAt, monthlyFeeCents, postcode, churnedAt, churnCategory };
  },
  key: (d) => d.accountNumber,
  check(d, lookup) {
    if (d.postcode === null) return [];
    const region = lookup.postcodeRegion(d.postcode);
    if (region === undefined || region === d.regionCode) return [];
    return [
      {
        column: 'postcode',
        value: d.postcode,
        reason: `postcode is in region ${region}, not in region_code ${d.regionCode}`,
      },
    ];
  },
  checkBatch: checkFeeMatchesServices,
  async write(out, drafts, lookup, present) {
    const rows = drafts.map(({ soldBy, ...d }) => ({ ...d, soldById: lookup.optionalId('user', soldBy) }));
    await out.upsert({ table: customers, target: 'accountNumber', fromCsv: UPDATABLE }, rows, present);
  },
};

/** The E.164 form of a phone cell, or null with the reason reported (empty stays null). */
function phoneOf(cell: string | null, fail: (reason: string) => void): string | null {
  if (cell === null) return null;
  const parsed = parsePhone(cell);
  if (parsed.ok) return parsed.value;
  fail(parsed.reason);
  return null;
}

/**
 * A customer with services on file pays their total (customer_services keeps monthly_fee in step),
 * so a monthly_fee that disagrees is refused: change the services instead.
 */
async function checkFeeMatchesServices(out: ImportWriter, drafts: readonly CustomerDraft[]): Promise<CellError[][]> {
  const errors = drafts.map((): CellError[] => []);
  const totals = await queryRows<{ account_number: string; total: unknown }>(
    out.db,
    sql`select c.account_number, coalesce(s.internet_fee_cents, 0) + coalesce(s.landline_fee_cents, 0)
        + coalesce(s.mobile_fee_cents, 0) + coalesce(s.tv_fee_cents, 0) as total
      from customers c join customer_services s on s.customer_id = c.id
      where c.account_number = any(${sql.param(drafts.map((d) => d.accountNumber))}::text[])`,
  );
  const totalOf = new Map(totals.map((t) => [t.account_number, Number(t.total)]));
  drafts.forEach((d, i) => {
    const total = totalOf.get(d.accountNumber);
    if (total !== undefined && total !== d.monthlyFeeCents) {
      errors[i]?.push({
        column: 'monthly_fee',
        value: (d.monthlyFeeCents / 100).toFixed(2),
        reason: `the customer's services add up to ${(total / 100).toFixed(2)}; monthly_fee is their total (import customer_services to change it)`,
      });
    }
  });
  return errors;
}
