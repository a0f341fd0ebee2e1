import 'server-only';
import { customers } from '@/db/schema';
import { CHURN_CATEGORIES, type ChurnCategory } from '@/lib/vocabularies';
import type { EntityImporter } from '../entity';

interface CustomerDraft {
  accountNumber: string;
  name: string | null;
  regionCode: string;
  postcode: string | null;
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
  async write(out, drafts, lookup, present) {
    const rows = drafts.map(({ soldBy, ...d }) => ({ ...d, soldById: lookup.optionalId('user', soldBy) }));
    await out.upsert({ table: customers, target: 'accountNumber', fromCsv: UPDATABLE }, rows, present);
  },
};
