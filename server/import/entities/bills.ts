import 'server-only';
import { bills } from '@/db/schema';
import { SERVICE_KINDS } from '@/lib/billing';
import type { EntityImporter } from '../entity';

interface BillDraft {
  billRef: string;
  accountNumber: string;
  period: string;
  internetCents: number | null;
  landlineCents: number | null;
  mobileCents: number | null;
  tvCents: number | null;
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])(?:-01)?$/;

const UPDATABLE = {
  account_number: 'customerId',
  period: 'period',
  internet: 'internetCents',
  landline: 'landlineCents',
  mobile: 'mobileCents',
  tv: 'tvCents',
} as const;

/** A customer's bill for one month: what was billed for each service (empty: not on the bill). */
export const billsImporter: EntityImporter<BillDraft> = {
  columns: [
    { name: 'bill_ref', required: true },
    { name: 'account_number', required: true },
    { name: 'period', required: true },
    ...SERVICE_KINDS.map((name) => ({ name, required: false })),
  ],
  parse(r) {
    const billRef = r.text('bill_ref', { required: true });
    const accountNumber = r.ref('account_number', 'customer', { required: true });
    const rawPeriod = r.raw('period').trim();
    const month = PERIOD.exec(rawPeriod);
    if (!month) r.fail('period', 'a month as YYYY-MM (or its first day, YYYY-MM-01)');
    const amounts = {
      internetCents: r.money('internet', 'zero'),
      landlineCents: r.money('landline', 'zero'),
      mobileCents: r.money('mobile', 'zero'),
      tvCents: r.money('tv', 'zero'),
    };
    if (billRef === null || accountNumber === null || !month) return null;
    return { billRef, accountNumber, period: `${month[1]}-${month[2]}-01`, ...amounts };
  },
  key: (d) => d.billRef,
  async write(out, drafts, lookup, present) {
    const rows = drafts.map(({ accountNumber, ...d }) => ({ ...d, customerId: lookup.id('customer', accountNumber) }));
    await out.upsert({ table: bills, target: 'billRef', fromCsv: UPDATABLE }, rows, present);
  },
};
