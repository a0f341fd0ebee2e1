import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@/lib/demo-accounts';
import { authenticate } from '@/server/auth/users';
import { getSettings } from '@/server/services/settings';
import { createTestDb, type TestDb } from '@/test/db';
import { queryRows } from '../client';
import { auditLog, compensations, customers, disputes, outages, regions, users } from '../schema';
import { seedDemoIfEmpty, type SeedCounts } from './demo';
import { buildDemoData } from './demo-build';
import { NATIONAL_OUTAGE_TITLE } from './demo-outages';
import { DEMO_REP_EMAIL, INACTIVE_REP_EMAIL } from './demo-people';

let t: TestDb;
let seeded: SeedCounts | null;

beforeAll(async () => {
  t = await createTestDb();
  const started = performance.now();
  seeded = await seedDemoIfEmpty(t.db);
  console.log(`demo seed on ${t.driver}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
afterAll(async () => {
  await t.close();
});

async function tableCounts() {
  const one = async (
    table: typeof users | typeof customers | typeof disputes | typeof compensations | typeof auditLog,
  ) => (await t.db.select({ n: count() }).from(table))[0]?.n ?? -1;
  return {
    users: await one(users),
    customers: await one(customers),
    disputes: await one(disputes),
    compensations: await one(compensations),
    audit: await one(auditLog),
  };
}

describe('demo seed', () => {
  it('writes the same data set on every run', async () => {
    // Pinned figures: a change here means the generator changed, which must be deliberate.
    expect(seeded).toEqual({
      regions: 6,
      postcodes: 93,
      users: 52,
      customers: 20_000,
      outages: 40,
      disputes: 6634,
      disputeEvents: 29933,
      retentionCases: 3277,
      compensations: 55630,
    });
    expect((await t.db.select({ n: count() }).from(regions))[0]?.n).toBe(6);
  });

  it('builds identical data from the same clock, and the clock only moves the live queue', () => {
    const now = Date.UTC(2026, 10, 20, 9, 0, 0);
    const a = buildDemoData(now);
    expect(buildDemoData(now)).toEqual(a);
    const later = buildDemoData(now + 86_400_000);
    expect(later.customers).toEqual(a.customers);
    expect(later.compensations).toEqual(a.compensations);
    expect(later.disputes.map((d) => d.disputeRef)).toEqual(a.disputes.map((d) => d.disputeRef));
  });

  it('lets every demo account sign in with the demo password', async () => {
    for (const login of DEMO_LOGINS) {
      const user = await authenticate(t.db, login.email, DEMO_PASSWORD);
      expect(user, login.email).not.toBeNull();
      expect(user?.role).toBe(login.role);
    }
    expect((await authenticate(t.db, 'manager@holdfast.demo', DEMO_PASSWORD))?.regionCode).toBeNull();
    expect((await authenticate(t.db, 'manager.mad@holdfast.demo', DEMO_PASSWORD))?.regionCode).toBe('MAD');
  });

  it('keeps the deactivated rep out', async () => {
    const [row] = await t.db.select({ active: users.active }).from(users).where(eq(users.email, INACTIVE_REP_EMAIL));
    expect(row?.active).toBe(false);
    expect(await authenticate(t.db, INACTIVE_REP_EMAIL, DEMO_PASSWORD)).toBeNull();
  });

  it('gives the demo rep a live queue: some cases past the SLA, some due within 8 hours', async () => {
    const [row] = await queryRows<Record<'open' | 'breached' | 'dueSoon', number | string>>(
      t.db,
      sql`select count(*) as open,
        count(*) filter (where d.opened_at + interval '72 hours' <= now()) as breached,
        count(*) filter (where d.opened_at + interval '72 hours' > now()
          and d.opened_at + interval '72 hours' <= now() + interval '8 hours') as "dueSoon"
      from disputes d join users u on u.id = d.assigned_to_id
      where u.email = ${DEMO_REP_EMAIL} and d.status not in ('resolved', 'rejected')`,
    );
    expect(Number(row?.open)).toBeGreaterThanOrEqual(15);
    expect(Number(row?.open)).toBeLessThanOrEqual(30);
    expect(Number(row?.breached)).toBeGreaterThan(0);
    expect(Number(row?.dueSoon)).toBeGreaterThan(0);
  });

  it('includes the national outage announced 2 h 14 min late', async () => {
    const [row] = await queryRows<{ minutes: number | string; regions: number | string }>(
      t.db,
      sql`select extract(epoch from o.public_comm_at - o.started_at) / 60 as minutes,
        (select count(*) from outage_regions r where r.outage_id = o.id) as regions
      from ${outages} o where o.title = ${NATIONAL_OUTAGE_TITLE}`,
    );
    expect(Number(row?.minutes)).toBe(134);
    expect(Number(row?.regions)).toBe(6);
    const [open] = await t.db
      .select({ n: count() })
      .from(outages)
      .where(sql`${outages.resolvedAt} is null`);
    expect(open?.n).toBe(1);
  });

  it('credits each affected customer exactly the legal pro-rata minimum', async () => {
    const [row] = await queryRows<{ wrong: number | string; total: number | string }>(
      t.db,
      sql`select count(*) filter (where c.amount_cents <> round(cu.monthly_fee_cents * extract(epoch from o.resolved_at - o.started_at) / 3600 / 720)) as wrong,
        count(*) as total
      from compensations c join customers cu on cu.id = c.customer_id join outages o on o.id = c.outage_id
      where c.kind = 'outage_credit'`,
    );
    expect(Number(row?.wrong)).toBe(0);
    expect(Number(row?.total)).toBeGreaterThan(10_000);
  });

  it('marks the database as demo data and records the seed in the audit log', async () => {
    expect((await getSettings(t.db)).demoData).toBe(true);
    const rows = await t.db.select({ action: auditLog.action }).from(auditLog);
    expect(rows).toEqual([{ action: 'seed_demo' }]);
  });

  it('does nothing on a database that already has data', async () => {
    const before = await tableCounts();
    expect(await seedDemoIfEmpty(t.db)).toBeNull();
    expect(await tableCounts()).toEqual(before);
  });
});
