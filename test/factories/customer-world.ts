import 'server-only';
import type { Db } from '@/db/client';
import {
  compensations,
  customers,
  disputes,
  outagePostcodes,
  outageRegions,
  outages,
  postcodes,
  regions,
  retentionCases,
  users,
} from '@/db/schema';
import type { Role } from '@/lib/vocabularies';
import type { SessionUser } from '@/server/auth/session-user';

const at = (iso: string) => new Date(iso);

/**
 * One customer's history for the customer 360 and search tests: María García Pérez (C-100, MAD,
 * postcode 28001) with two disputes, a retention case, two compensations and the outages that hit
 * her or did not; a Catalan customer (C-200) with a dispute of their own; and one caller per role.
 */
export async function customerWorld(db: Db) {
  await db.insert(regions).values([
    { code: 'MAD', name: 'Madrid' },
    { code: 'CAT', name: 'Catalunya' },
  ]);
  await db.insert(postcodes).values([
    { postcode: '28001', regionCode: 'MAD' },
    { postcode: '28002', regionCode: 'MAD' },
    { postcode: '08001', regionCode: 'CAT' },
  ]);
  const person = async (email: string, role: Role, regionCode: string | null) => {
    const [row] = await db
      .insert(users)
      .values({ email, name: email.split('@')[0] ?? email, role, regionCode })
      .returning({ id: users.id });
    if (!row) throw new Error('user insert returned no row');
    const session: SessionUser = { id: row.id, email, name: email, role, regionCode };
    return session;
  };
  const people = {
    repMad: await person('rep.mad@c.test', 'rep', 'MAD'),
    repMad2: await person('rep2.mad@c.test', 'rep', 'MAD'),
    repCat: await person('rep.cat@c.test', 'rep', 'CAT'),
    repNowhere: await person('rep.nowhere@c.test', 'rep', null),
    madManager: await person('boss.mad@c.test', 'manager', 'MAD'),
    catManager: await person('boss.cat@c.test', 'manager', 'CAT'),
    national: await person('boss@c.test', 'manager', null),
    analyst: await person('numbers@c.test', 'analyst', null),
    admin: await person('root@c.test', 'admin', null),
  };

  const [maria, jordi] = await db
    .insert(customers)
    .values([
      {
        accountNumber: 'C-100',
        name: 'María García Pérez',
        regionCode: 'MAD',
        postcode: '28001',
        plan: 'Fibre 600',
        activatedAt: at('2023-01-10T09:00:00Z'),
        monthlyFeeCents: 4990,
        churnedAt: at('2024-09-01T10:00:00Z'),
        churnCategory: 'competitor',
        churnReason: 'Cheaper fibre',
        competitor: 'Red Azul',
        soldById: people.repMad.id,
        promoEndsAt: at('2024-07-01T00:00:00Z'),
        promoMonthlyDiscountCents: 1000,
      },
      {
        accountNumber: 'C-200',
        name: 'Jordi Puig',
        regionCode: 'CAT',
        postcode: '08001',
        plan: 'Mobile 20',
        activatedAt: at('2023-02-01T09:00:00Z'),
        monthlyFeeCents: 1990,
      },
    ])
    .returning({ id: customers.id });
  if (!maria || !jordi) throw new Error('customer insert returned no row');

  const [ds1, , ds3] = await db
    .insert(disputes)
    .values([
      {
        disputeRef: 'DS-901',
        customerId: maria.id,
        openedAt: at('2024-02-01T09:00:00Z'),
        cause: 'wrong_sim_or_plan',
        disputedAmountCents: 2500,
        status: 'resolved',
        assignedToId: people.repMad.id,
        undueCharge: true,
        resolvedAt: at('2024-02-03T09:00:00Z'),
        creditedAmountCents: 500,
      },
      {
        disputeRef: 'DS-902',
        customerId: maria.id,
        openedAt: at('2024-05-01T09:00:00Z'),
        cause: 'roaming',
        disputedAmountCents: 4000,
        status: 'investigating',
        assignedToId: people.repMad2.id,
      },
      {
        disputeRef: 'DS-903',
        customerId: jordi.id,
        openedAt: at('2024-05-02T09:00:00Z'),
        cause: 'overcharge',
        disputedAmountCents: 1000,
        status: 'open',
        assignedToId: people.repCat.id,
      },
    ])
    .returning({ id: disputes.id });
  if (!ds1 || !ds3) throw new Error('dispute insert returned no row');

  await db.insert(retentionCases).values({
    caseRef: 'RC-901',
    customerId: maria.id,
    repId: people.repMad.id,
    openedAt: at('2024-08-20T09:00:00Z'),
    reason: 'competitor',
    offerType: 'discount',
    outcome: 'churned',
    mrrAtRiskCents: 4990,
    closedAt: at('2024-08-25T09:00:00Z'),
  });

  const outage = async (ref: string, startedAt: string, regionCodes: string[], postcodeList: string[] = []) => {
    const [row] = await db
      .insert(outages)
      .values({ outageRef: ref, title: `Outage ${ref}`, severity: 'major', startedAt: at(startedAt) })
      .returning({ id: outages.id });
    if (!row) throw new Error('outage insert returned no row');
    await db.insert(outageRegions).values(regionCodes.map((regionCode) => ({ outageId: row.id, regionCode })));
    if (postcodeList.length > 0) {
      await db.insert(outagePostcodes).values(postcodeList.map((postcode) => ({ outageId: row.id, postcode })));
    }
    return row.id;
  };
  const hitRegion = await outage('OUT-901', '2024-03-01T08:00:00Z', ['MAD']);
  await outage('OUT-902', '2024-04-01T08:00:00Z', ['MAD'], ['28002']); // another postcode: not hit
  await outage('OUT-903', '2024-04-05T08:00:00Z', ['CAT']); // another region: not hit
  await outage('OUT-904', '2022-12-01T08:00:00Z', ['MAD']); // before she joined: not hit
  await outage('OUT-905', '2024-06-01T08:00:00Z', ['MAD'], ['28001']); // her postcode: hit
  await outage('OUT-906', '2024-10-01T08:00:00Z', ['MAD']); // after she left: not hit

  await db.insert(compensations).values([
    {
      compRef: 'CP-901',
      customerId: maria.id,
      kind: 'dispute_credit',
      amountCents: 500,
      issuedAt: at('2024-02-03T12:00:00Z'),
      issuedById: people.repMad.id,
      disputeId: ds1.id,
    },
    {
      compRef: 'CP-902',
      customerId: maria.id,
      kind: 'outage_credit',
      amountCents: 300,
      issuedAt: at('2024-03-02T08:00:00Z'),
      outageId: hitRegion,
    },
  ]);

  return { people };
}
