import 'server-only';
import type { Db } from '@/db/client';
import {
  compensations,
  customers,
  disputes,
  outagePostcodes,
  outageRegions,
  outages,
  regions,
  retentionCases,
  users,
} from '@/db/schema';
import type { Role } from '@/lib/vocabularies';

/** Small builders for hand-computed metric tests: each returns the new row's id. */
export function testRows(db: Db) {
  const at = (iso: string) => new Date(iso);
  const opt = (iso: string | undefined) => (iso === undefined ? null : at(iso));
  let serial = 0;
  const ref = (prefix: string) => `${prefix}-${++serial}`;
  return {
    async region(code: string) {
      await db.insert(regions).values({ code, name: code });
    },
    async user(email: string, role: Role, regionCode: string | null = null) {
      const [row] = await db.insert(users).values({ email, name: email, role, regionCode }).returning({ id: users.id });
      return row?.id ?? 0;
    },
    async customer(c: {
      region: string;
      activated: string;
      fee?: number;
      churned?: string;
      postcode?: string;
      competitor?: string;
    }) {
      const [row] = await db
        .insert(customers)
        .values({
          accountNumber: ref('ACC'),
          regionCode: c.region,
          postcode: c.postcode ?? null,
          activatedAt: at(c.activated),
          monthlyFeeCents: c.fee ?? 1000,
          churnedAt: opt(c.churned),
          churnCategory: c.churned ? 'price' : null,
          competitor: c.competitor ?? null,
        })
        .returning({ id: customers.id });
      return row?.id ?? 0;
    },
    async retentionCase(r: {
      customerId: number;
      repId: number;
      opened: string;
      outcome: 'saved' | 'churned' | 'pending';
      closed?: string;
      offerType?: 'discount' | 'none';
      mrr?: number;
      discount?: number;
    }) {
      const [row] = await db
        .insert(retentionCases)
        .values({
          caseRef: ref('RC'),
          customerId: r.customerId,
          repId: r.repId,
          openedAt: at(r.opened),
          reason: 'price',
          offerType: r.offerType ?? 'none',
          outcome: r.outcome,
          mrrAtRiskCents: r.mrr ?? 0,
          closedAt: opt(r.closed),
          offerMonthlyDiscountCents: r.discount ?? 0,
        })
        .returning({ id: retentionCases.id });
      return row?.id ?? 0;
    },
    async dispute(d: {
      customerId: number;
      opened: string;
      status: 'open' | 'resolved' | 'rejected';
      resolved?: string;
      amount?: number;
      credited?: number;
      undue?: boolean;
      billNumber?: number;
      assignedToId?: number;
    }) {
      await db.insert(disputes).values({
        disputeRef: ref('DS'),
        customerId: d.customerId,
        openedAt: at(d.opened),
        cause: 'overcharge',
        disputedAmountCents: d.amount ?? 1000,
        status: d.status,
        resolvedAt: opt(d.resolved),
        creditedAmountCents: d.credited ?? 0,
        undueCharge: d.undue ?? null,
        billNumber: d.billNumber ?? null,
        assignedToId: d.assignedToId ?? null,
      });
    },
    async outage(o: {
      started: string;
      regions: string[];
      postcodes?: string[];
      detected?: string;
      communicated?: string;
      resolved?: string;
    }) {
      const [row] = await db
        .insert(outages)
        .values({
          outageRef: ref('OUT'),
          title: 'test',
          severity: 'major',
          startedAt: at(o.started),
          detectedAt: opt(o.detected),
          publicCommAt: opt(o.communicated),
          resolvedAt: opt(o.resolved),
        })
        .returning({ id: outages.id });
      const outageId = row?.id ?? 0;
      await db.insert(outageRegions).values(o.regions.map((regionCode) => ({ outageId, regionCode })));
      if (o.postcodes?.length)
        await db.insert(outagePostcodes).values(o.postcodes.map((postcode) => ({ outageId, postcode })));
      return outageId;
    },
    async compensation(k: {
      customerId: number;
      kind: 'goodwill' | 'outage_credit' | 'retention_offer';
      amount: number;
      issued: string;
      issuedById?: number;
      retentionCaseId?: number;
    }) {
      await db.insert(compensations).values({
        compRef: ref('CP'),
        customerId: k.customerId,
        kind: k.kind,
        amountCents: k.amount,
        issuedAt: at(k.issued),
        issuedById: k.issuedById ?? null,
        retentionCaseId: k.retentionCaseId ?? null,
      });
    },
  };
}
