import 'server-only';
import { serviceOrders } from '@/db/schema';
import { SERVICE_KINDS, type ServiceKind } from '@/lib/billing';
import type { EntityImporter } from '../entity';

interface ServiceOrderDraft {
  orderRef: string;
  accountNumber: string;
  service: ServiceKind;
  orderedOn: string;
  promisedOn: string;
  startedOn: string | null;
}

const UPDATABLE = {
  account_number: 'customerId',
  service: 'service',
  ordered_on: 'orderedOn',
  promised_on: 'promisedOn',
  started_on: 'startedOn',
} as const;

/** A new service ordered: the start date promised and the day it started (empty: not yet). */
export const serviceOrdersImporter: EntityImporter<ServiceOrderDraft> = {
  columns: [
    { name: 'order_ref', required: true },
    { name: 'account_number', required: true },
    { name: 'service', required: true },
    { name: 'ordered_on', required: true },
    { name: 'promised_on', required: true },
    { name: 'started_on', required: false },
  ],
  parse(r) {
    const required = { required: true };
    const orderRef = r.text('order_ref', required);
    const accountNumber = r.ref('account_number', 'customer', required);
    const service = r.vocabulary('service', SERVICE_KINDS, required);
    const orderedOn = r.date('ordered_on');
    if (orderedOn === null && r.raw('ordered_on').trim() === '') r.fail('ordered_on', 'required');
    const promisedOn = r.date('promised_on');
    if (promisedOn === null && r.raw('promised_on').trim() === '') r.fail('promised_on', 'required');
    const startedOn = r.date('started_on');
    if (orderedOn !== null && promisedOn !== null && promisedOn < orderedOn) {
      r.fail('promised_on', `must not be before ordered_on (${orderedOn})`);
    }
    if (orderedOn !== null && startedOn !== null && startedOn < orderedOn) {
      r.fail('started_on', `must not be before ordered_on (${orderedOn})`);
    }
    if (orderRef === null || accountNumber === null || service === null || orderedOn === null || promisedOn === null) {
      return null;
    }
    return { orderRef, accountNumber, service, orderedOn, promisedOn, startedOn };
  },
  key: (d) => d.orderRef,
  async write(out, drafts, lookup, present) {
    const rows = drafts.map(({ accountNumber, ...d }) => ({ ...d, customerId: lookup.id('customer', accountNumber) }));
    await out.upsert({ table: serviceOrders, target: 'orderRef', fromCsv: UPDATABLE }, rows, present);
  },
};
