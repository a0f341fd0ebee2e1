import 'server-only';
import type { Db } from '@/db/client';
import { compensations, customers, disputes } from '@/db/schema';
import type { CompensationKind, DisputeCause } from '@/lib/vocabularies';

/**
 * Builders for the area-page breakdown tests, with the columns metric-rows.ts leaves out
 * (dispute cause, seller, compensation linked to a dispute). Each returns the new row's id.
 */
export function areaTestRows(db: Db) {
  let serial = 0;
  const ref = (prefix: string) => `${prefix}-A${++serial}`;
  const opt = (iso: string | undefined) => (iso === undefined ? null : new Date(iso));
  return {
    async customer(c: { region: string; activated?: string; soldById?: number }) {
      const [row] = await db
        .insert(customers)
        .values({
          accountNumber: ref('ACC'),
          regionCode: c.region,
          activatedAt: new Date(c.activated ?? '2023-01-01T00:00:00Z'),
          monthlyFeeCents: 1000,
          soldById: c.soldById ?? null,
        })
        .returning({ id: customers.id });
      return row?.id ?? 0;
    },
    async dispute(d: {
      customerId: number;
      opened: string;
      cause?: DisputeCause;
      status?: 'open' | 'resolved' | 'rejected';
      resolved?: string;
      amount?: number;
      credited?: number;
      undue?: boolean;
      billNumber?: number;
      assignedToId?: number;
    }) {
      const [row] = await db
        .insert(disputes)
        .values({
          disputeRef: ref('DS'),
          customerId: d.customerId,
          openedAt: new Date(d.opened),
          cause: d.cause ?? 'overcharge',
          disputedAmountCents: d.amount ?? 1000,
          status: d.status ?? (d.resolved ? 'resolved' : 'open'),
          resolvedAt: opt(d.resolved),
          creditedAmountCents: d.credited ?? 0,
          undueCharge: d.undue ?? null,
          billNumber: d.billNumber ?? null,
          assignedToId: d.assignedToId ?? null,
        })
        .returning({ id: disputes.id });
      return row?.id ?? 0;
    },
    async compensation(k: {
      customerId: number;
      kind: CompensationKind;
      amount: number;
      issued: string;
      issuedById?: number;
      disputeId?: number;
    }) {
      await db.insert(compensations).values({
        compRef: ref('CP'),
        customerId: k.customerId,
        kind: k.kind,
        amountCents: k.amount,
        issuedAt: new Date(k.issued),
        issuedById: k.issuedById ?? null,
        disputeId: k.disputeId ?? null,
      });
    },
  };
}
