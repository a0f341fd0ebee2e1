import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, customers, disputeEvents, disputes, regions, retentionCases, users } from '@/db/schema';
import type { DisputeStatus, Role, Team } from '@/lib/vocabularies';
import type { SessionUser } from '@/server/auth/session-user';

/**
 * A small world for the dispute case tests: two regions, reps, managers, an analyst, an admin and
 * retention reps, plus a builder for fresh disputes so every test starts from its own case.
 */
export async function disputeWorld(db: Db) {
  await db.insert(regions).values([
    { code: 'MAD', name: 'Madrid' },
    { code: 'CAT', name: 'Catalunya' },
  ]);
  const person = async (
    email: string,
    role: Role,
    regionCode: string | null,
    team: Team | null = null,
    active = true,
  ) => {
    const [row] = await db
      .insert(users)
      .values({ email, name: email.split('@')[0] ?? email, role, regionCode, team, active })
      .returning();
    if (!row) throw new Error('user insert returned no row');
    const session: SessionUser = { id: row.id, email: row.email, name: row.name, role, regionCode };
    return session;
  };
  const people = {
    repA: await person('rep.a@t.test', 'rep', 'MAD', 'billing'),
    repB: await person('rep.b@t.test', 'rep', 'MAD', 'billing'),
    repCat: await person('rep.cat@t.test', 'rep', 'CAT', 'billing'),
    leaver: await person('leaver@t.test', 'rep', 'MAD', 'billing', false),
    busyRetention: await person('busy.ret@t.test', 'rep', 'MAD', 'retention'),
    freeRetention: await person('free.ret@t.test', 'rep', 'MAD', 'retention'),
    madManager: await person('boss.mad@t.test', 'manager', 'MAD'),
    catManager: await person('boss.cat@t.test', 'manager', 'CAT'),
    nationalManager: await person('boss@t.test', 'manager', null),
    analyst: await person('numbers@t.test', 'analyst', null),
    admin: await person('root@t.test', 'admin', null),
  };
  let serial = 0;

  async function customer(c: { region?: string; fee?: number; churned?: boolean } = {}) {
    serial++;
    const [row] = await db
      .insert(customers)
      .values({
        accountNumber: `ACC-${serial}`,
        name: `Customer ${serial}`,
        regionCode: c.region ?? 'MAD',
        postcode: '28001',
        plan: 'Fibre 600',
        activatedAt: new Date('2023-03-15T10:00:00Z'),
        monthlyFeeCents: c.fee ?? 4990,
        churnedAt: c.churned ? new Date('2024-06-01T00:00:00Z') : null,
        churnCategory: c.churned ? 'price' : null,
        soldById: people.repA.id,
      })
      .returning({ id: customers.id });
    if (!row) throw new Error('customer insert returned no row');
    return row.id;
  }

  /** A fresh dispute (and customer unless one is given); returns its ref. */
  async function dispute(
    d: {
      customerId?: number;
      region?: string;
      assignedTo?: SessionUser | null;
      status?: DisputeStatus;
      amount?: number;
      undue?: boolean | null;
      openedAt?: Date;
    } = {},
  ) {
    const customerId = d.customerId ?? (await customer({ region: d.region }));
    const status = d.status ?? 'investigating';
    const closed = status === 'resolved' || status === 'rejected';
    const disputeRef = `DS-T${++serial}`;
    await db.insert(disputes).values({
      disputeRef,
      customerId,
      openedAt: d.openedAt ?? new Date('2024-05-02T09:00:00Z'),
      cause: 'overcharge',
      disputedAmountCents: d.amount ?? 20_000,
      status,
      assignedToId: d.assignedTo === undefined ? people.repA.id : (d.assignedTo?.id ?? null),
      billNumber: 1,
      undueCharge: d.undue === undefined ? null : d.undue,
      resolvedAt: closed ? new Date('2024-05-04T09:00:00Z') : null,
    });
    return disputeRef;
  }

  async function row(ref: string) {
    const [found] = await db.select().from(disputes).where(eq(disputes.disputeRef, ref));
    if (!found) throw new Error(`no dispute ${ref}`);
    return found;
  }

  /** How many timeline events and audit rows a dispute has. */
  async function trail(ref: string) {
    const { id } = await row(ref);
    const [events] = await db.select({ n: count() }).from(disputeEvents).where(eq(disputeEvents.disputeId, id));
    const [audits] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'dispute'), eq(auditLog.entityId, ref)));
    return { events: Number(events?.n ?? 0), audits: Number(audits?.n ?? 0) };
  }

  /** Give the busy retention rep a pending case, so escalations go to the free one. */
  async function keepRetentionBusy() {
    await db.insert(retentionCases).values({
      caseRef: `RC-T${++serial}`,
      customerId: await customer(),
      repId: people.busyRetention.id,
      openedAt: new Date('2024-05-01T09:00:00Z'),
      reason: 'price',
      offerType: 'none',
      outcome: 'pending',
      mrrAtRiskCents: 1000,
    });
  }

  return { people, customer, dispute, row, trail, keepRetentionBusy };
}
