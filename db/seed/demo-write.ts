import type { Db } from '../client';
import {
  bills,
  compensations,
  customerServices,
  customers,
  disputeEvents,
  engineerAppointments,
  disputes,
  outagePostcodes,
  outageRegions,
  outages,
  postcodes,
  regions,
  retentionCases,
  serviceOrders,
  users,
} from '../schema';
import { idOf, idOrNull, inChunks, toDate, toDateOrNull } from './batch';
import { buildBilling } from './demo-billing';
import type { DemoData } from './demo-build';
import { timelineOf } from './demo-dispute-timeline';
import { REGIONS } from './demo-geography';
import { buildServiceFailures } from './demo-service-failures';
import { LEGACY_START, MONTH } from './demo-time';

export type SeedCounts = Record<
  | 'regions'
  | 'postcodes'
  | 'users'
  | 'customers'
  | 'outages'
  | 'disputes'
  | 'disputeEvents'
  | 'retentionCases'
  | 'compensations',
  number
>;

const BATCH = 1000;

/** Writes the generated data set in dependency order, mapping refs to the ids the database gives. */
export async function writeDemoData(db: Db, data: DemoData, passwordHash: string): Promise<SeedCounts> {
  await db.insert(regions).values(REGIONS.map((r) => ({ code: r.code, name: r.name })));
  const postcodeRows = REGIONS.flatMap((r) => r.postcodes.map((postcode) => ({ postcode, regionCode: r.code })));
  await db.insert(postcodes).values(postcodeRows);

  const createdAt = toDate(LEGACY_START - MONTH);
  const userRows = await db
    .insert(users)
    .values(
      data.users.map((u) => ({
        email: u.email,
        name: u.name,
        role: u.role,
        regionCode: u.regionCode,
        team: u.team,
        passwordHash,
        active: u.active,
        createdAt,
      })),
    )
    .returning({ id: users.id, email: users.email });
  const userIds = new Map(userRows.map((r) => [r.email, r.id]));

  const customerRows = await inChunks(data.customers, BATCH, (chunk) =>
    db
      .insert(customers)
      .values(
        chunk.map((c) => ({
          accountNumber: c.accountNumber,
          name: c.name,
          regionCode: c.regionCode,
          postcode: c.postcode,
          phone: c.phone,
          plan: c.plan,
          activatedAt: toDate(c.activatedAt),
          monthlyFeeCents: c.monthlyFeeCents,
          churnedAt: toDateOrNull(c.churnedAt),
          churnCategory: c.churnCategory,
          churnReason: c.churnReason,
          competitor: c.competitor,
          soldById: idOrNull(userIds, c.soldBy),
          promoEndsAt: toDateOrNull(c.promoEndsAt),
          promoMonthlyDiscountCents: c.promoMonthlyDiscountCents,
        })),
      )
      .returning({ id: customers.id, ref: customers.accountNumber }),
  );
  const customerIdByRef = new Map(customerRows.map((r) => [r.ref, r.id]));
  const customerIds = data.customers.map((c) => idOf(customerIdByRef, c.accountNumber));
  const customerId = (index: number): number => {
    const id = customerIds[index];
    if (id === undefined) throw new Error(`demo seed: no customer #${index}`);
    return id;
  };

  // Services after customers: their trigger sets each monthly fee to the services' total, the same number.
  const billing = buildBilling(data.customers);
  await inChunks(billing.services, 2 * BATCH, async (chunk) => {
    await db
      .insert(customerServices)
      .values(chunk.map(({ customer, ...fees }) => ({ customerId: customerId(customer), ...fees })));
  });
  await inChunks(billing.bills, 2 * BATCH, async (chunk) => {
    await db.insert(bills).values(chunk.map(({ customer, ...b }) => ({ customerId: customerId(customer), ...b })));
  });
  const failures = buildServiceFailures(data.customers);
  await inChunks(failures.appointments, 2 * BATCH, async (chunk) => {
    await db.insert(engineerAppointments).values(
      chunk.map(({ customer, windowStart, windowEnd, cancelledAt, ...a }) => ({
        ...a,
        customerId: customerId(customer),
        windowStart: toDate(windowStart),
        windowEnd: toDate(windowEnd),
        cancelledAt: toDateOrNull(cancelledAt),
      })),
    );
  });
  await inChunks(failures.orders, 2 * BATCH, async (chunk) => {
    await db
      .insert(serviceOrders)
      .values(chunk.map(({ customer, ...o }) => ({ customerId: customerId(customer), ...o })));
  });

  const outageRows = await db
    .insert(outages)
    .values(
      data.outages.map((o) => ({
        outageRef: o.outageRef,
        title: o.title,
        severity: o.severity,
        startedAt: toDate(o.startedAt),
        detectedAt: toDateOrNull(o.detectedAt),
        publicCommAt: toDateOrNull(o.publicCommAt),
        ivrMessageAt: toDateOrNull(o.ivrMessageAt),
        smsSentAt: toDateOrNull(o.smsSentAt),
        agentsBriefedAt: toDateOrNull(o.agentsBriefedAt),
        unlimitedDataAt: toDateOrNull(o.unlimitedDataAt),
        resolvedAt: toDateOrNull(o.resolvedAt),
      })),
    )
    .returning({ id: outages.id, ref: outages.outageRef });
  const outageIds = new Map(outageRows.map((r) => [r.ref, r.id]));
  await db
    .insert(outageRegions)
    .values(
      data.outages.flatMap((o) =>
        o.regionCodes.map((regionCode) => ({ outageId: idOf(outageIds, o.outageRef), regionCode })),
      ),
    );
  const outagePostcodeRows = data.outages.flatMap((o) =>
    o.postcodes.map((postcode) => ({ outageId: idOf(outageIds, o.outageRef), postcode })),
  );
  if (outagePostcodeRows.length > 0) await db.insert(outagePostcodes).values(outagePostcodeRows);

  const timelines = data.disputes.map((d) => timelineOf(d));
  const disputeRows = await inChunks(
    data.disputes.map((d, i) => ({ d, events: timelines[i] ?? [] })),
    BATCH,
    (chunk) =>
      db
        .insert(disputes)
        .values(
          chunk.map(({ d, events }) => ({
            disputeRef: d.disputeRef,
            customerId: customerId(d.customer),
            openedAt: toDate(d.openedAt),
            cause: d.cause,
            disputedAmountCents: d.disputedAmountCents,
            status: d.status,
            assignedToId: idOrNull(userIds, d.assignedTo),
            billNumber: d.billNumber,
            undueCharge: d.undueCharge,
            undueReason: d.undueReason,
            recalculationRef: d.recalculationRef,
            expectedResolutionOn: d.expectedResolutionOn,
            customerNotifiedAt: toDateOrNull(d.customerNotifiedAt),
            customerNotifiedChannel: d.customerNotifiedChannel,
            resolvedAt: toDateOrNull(d.resolvedAt),
            creditedAmountCents: d.creditedAmountCents,
            // Each recorded change bumped the optimistic-lock version once.
            version: events.length,
            updatedAt: toDate(events[events.length - 1]?.at ?? d.openedAt),
          })),
        )
        .returning({ id: disputes.id, ref: disputes.disputeRef }),
  );
  const disputeIds = new Map(disputeRows.map((r) => [r.ref, r.id]));

  const eventRows = data.disputes.flatMap((d, i) =>
    (timelines[i] ?? []).map((e) => ({
      disputeId: idOf(disputeIds, d.disputeRef),
      actorId: idOrNull(userIds, e.actor),
      at: toDate(e.at),
      kind: e.kind,
      changes: e.changes,
    })),
  );
  await inChunks(eventRows, 2 * BATCH, async (chunk) => {
    await db.insert(disputeEvents).values(chunk);
  });

  const caseRows = await inChunks(data.cases, BATCH, (chunk) =>
    db
      .insert(retentionCases)
      .values(
        chunk.map((rc) => {
          const escalated = rc.escalatedFromDispute === null ? undefined : data.disputes[rc.escalatedFromDispute];
          return {
            caseRef: rc.caseRef,
            customerId: customerId(rc.customer),
            repId: idOf(userIds, rc.rep),
            openedAt: toDate(rc.openedAt),
            reason: rc.reason,
            offerType: rc.offerType,
            outcome: rc.outcome,
            mrrAtRiskCents: rc.mrrAtRiskCents,
            closedAt: toDateOrNull(rc.closedAt),
            offerMonthlyDiscountCents: rc.offerMonthlyDiscountCents,
            offerMonths: rc.offerMonths,
            escalatedFromDisputeId: escalated ? idOf(disputeIds, escalated.disputeRef) : null,
            notes: rc.notes,
          };
        }),
      )
      .returning({ id: retentionCases.id, ref: retentionCases.caseRef }),
  );
  const caseIds = new Map(caseRows.map((r) => [r.ref, r.id]));

  await inChunks(data.compensations, 2 * BATCH, async (chunk) => {
    await db.insert(compensations).values(
      chunk.map((c) => ({
        compRef: c.compRef,
        customerId: customerId(c.customer),
        kind: c.kind,
        amountCents: c.amountCents,
        issuedAt: toDate(c.issuedAt),
        issuedById: idOrNull(userIds, c.issuedBy),
        retentionCaseId: idOrNull(caseIds, c.retentionCaseRef),
        disputeId: idOrNull(disputeIds, c.disputeRef),
        outageId: idOrNull(outageIds, c.outageRef),
      })),
    );
  });

  return {
    regions: REGIONS.length,
    postcodes: postcodeRows.length,
    users: userRows.length,
    customers: customerRows.length,
    outages: outageRows.length,
    disputes: disputeRows.length,
    disputeEvents: eventRows.length,
    retentionCases: caseRows.length,
    compensations: data.compensations.length,
  };
}
