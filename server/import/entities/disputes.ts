import 'server-only';
import { sql } from 'drizzle-orm';
import { disputes } from '@/db/schema';
import {
  CLOSED_DISPUTE_STATUSES,
  DISPUTE_CAUSES,
  DISPUTE_STATUSES,
  type DisputeCause,
  type DisputeStatus,
} from '@/lib/vocabularies';
import type { EntityImporter } from '../entity';

interface DisputeDraft {
  disputeRef: string;
  accountNumber: string;
  openedAt: Date;
  cause: DisputeCause;
  disputedAmountCents: number;
  status: DisputeStatus;
  assignedTo: string | null;
  billNumber: number | null;
  undueCharge: boolean | null;
  recalculationRef: string | null;
  expectedResolutionOn: string | null;
  customerNotifiedAt: Date | null;
  resolvedAt: Date | null;
  creditedAmountCents: number;
}

const UPDATABLE = {
  account_number: 'customerId',
  opened_at: 'openedAt',
  cause: 'cause',
  disputed_amount: 'disputedAmountCents',
  status: 'status',
  assigned_to: 'assignedToId',
  bill_number: 'billNumber',
  undue_charge: 'undueCharge',
  recalculation_ref: 'recalculationRef',
  expected_resolution_on: 'expectedResolutionOn',
  customer_notified_at: 'customerNotifiedAt',
  resolved_at: 'resolvedAt',
  credited_amount: 'creditedAmountCents',
} as const;

const REQUIRED = new Set(['account_number', 'opened_at', 'cause', 'disputed_amount', 'status']);

export const disputesImporter: EntityImporter<DisputeDraft> = {
  columns: [
    { name: 'dispute_ref', required: true },
    ...Object.keys(UPDATABLE).map((name) => ({ name, required: REQUIRED.has(name) })),
  ],
  parse(r) {
    const required = { required: true };
    const disputeRef = r.text('dispute_ref', required);
    const accountNumber = r.ref('account_number', 'customer', required);
    const openedAt = r.instant('opened_at', required);
    const cause = r.vocabulary('cause', DISPUTE_CAUSES, required);
    const disputedAmountCents = r.money('disputed_amount', 'positive', required);
    const status = r.vocabulary('status', DISPUTE_STATUSES, required);
    const resolvedAt = r.instant('resolved_at');
    if (
      resolvedAt === null &&
      status !== null &&
      CLOSED_DISPUTE_STATUSES.includes(status) &&
      r.raw('resolved_at').trim() === ''
    ) {
      r.fail('resolved_at', `required when status is ${status}`);
    }
    r.notBefore('resolved_at', resolvedAt, 'opened_at', openedAt);
    const rest = {
      assignedTo: r.ref('assigned_to', 'user'),
      billNumber: r.integer('bill_number', 1),
      undueCharge: r.boolean('undue_charge'),
      recalculationRef: r.text('recalculation_ref'),
      expectedResolutionOn: r.date('expected_resolution_on'),
      customerNotifiedAt: r.instant('customer_notified_at'),
      creditedAmountCents: r.money('credited_amount', 'zero') ?? 0,
    };
    if (
      disputeRef === null ||
      accountNumber === null ||
      openedAt === null ||
      cause === null ||
      disputedAmountCents === null ||
      status === null
    ) {
      return null;
    }
    return { ...rest, disputeRef, accountNumber, openedAt, cause, disputedAmountCents, status, resolvedAt };
  },
  key: (d) => d.disputeRef,
  async write(out, drafts, lookup, present) {
    // An imported change is still a change: bump the optimistic-locking version an open editor holds.
    const onUpdate = [sql`version = ${disputes.version} + 1`, sql`updated_at = now()`];
    const rows = drafts.map(({ accountNumber, assignedTo, ...d }) => ({
      ...d,
      customerId: lookup.id('customer', accountNumber),
      assignedToId: lookup.optionalId('user', assignedTo),
    }));
    await out.upsert({ table: disputes, target: 'disputeRef', fromCsv: UPDATABLE, onUpdate }, rows, present);
  },
};
