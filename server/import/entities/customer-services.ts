import 'server-only';
import { customerServices } from '@/db/schema';
import { SERVICE_KINDS, type ServiceKind } from '@/lib/billing';
import type { EntityImporter } from '../entity';

interface CustomerServicesDraft {
  accountNumber: string;
  internetFeeCents: number | null;
  landlineFeeCents: number | null;
  mobileFeeCents: number | null;
  tvFeeCents: number | null;
}

const FEE_COLUMNS = {
  internet_fee: 'internetFeeCents',
  landline_fee: 'landlineFeeCents',
  mobile_fee: 'mobileFeeCents',
  tv_fee: 'tvFeeCents',
} as const satisfies Record<`${ServiceKind}_fee`, keyof CustomerServicesDraft>;

/**
 * A customer's services, one fee column per service (empty: not subscribed), one row per customer.
 * The customer's monthly_fee becomes the total of the fees (a trigger keeps it so), which is why
 * a customers file whose monthly_fee disagrees with the services on file is refused.
 */
export const customerServicesImporter: EntityImporter<CustomerServicesDraft> = {
  columns: [
    { name: 'account_number', required: true },
    ...SERVICE_KINDS.map((kind) => ({ name: `${kind}_fee`, required: false })),
  ],
  parse(r) {
    const accountNumber = r.ref('account_number', 'customer', { required: true });
    const fees = {
      internetFeeCents: r.money('internet_fee', 'zero'),
      landlineFeeCents: r.money('landline_fee', 'zero'),
      mobileFeeCents: r.money('mobile_fee', 'zero'),
      tvFeeCents: r.money('tv_fee', 'zero'),
    };
    const given = Object.keys(FEE_COLUMNS).filter((column) => r.has(column) && r.raw(column).trim() !== '');
    if (accountNumber !== null && given.length === 0) {
      r.fail(
        'internet_fee',
        'at least one service fee is required (internet_fee, landline_fee, mobile_fee or tv_fee)',
        '',
      );
      return null;
    }
    if (accountNumber === null) return null;
    return { accountNumber, ...fees };
  },
  key: (d) => d.accountNumber,
  async write(out, drafts, lookup, present) {
    const rows = drafts.map(({ accountNumber, ...fees }) => ({
      customerId: lookup.id('customer', accountNumber),
      ...fees,
    }));
    await out.upsert(
      { table: customerServices, target: 'customerId', fromCsv: { account_number: 'customerId', ...FEE_COLUMNS } },
      rows,
      present,
    );
  },
};
