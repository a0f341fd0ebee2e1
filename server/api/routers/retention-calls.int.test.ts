import { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { auditLog, compensations, customers, retentionCases, users } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import type { SessionUser } from '@/server/auth/session-user';
import { retentionFigures } from '@/server/metrics/retention';
import { testRows } from '@/test/factories/metric-rows';
import { createTestDb, type TestDb } from '@/test/db';

let t: TestDb;
let ana: SessionUser;
let bea: SessionUser;
let billingRep: SessionUser;
let madManager: SessionUser;
let catManager: SessionUser;
let analyst: SessionUser;
let admin: SessionUser;
let newCustomer: (region?: string, fee?: number) => Promise<number>;

beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  await rows.region('MAD');
  await rows.region('CAT');
  const session = async (
    email: string,
    role: SessionUser['role'],
    regionCode: string | null,
  ): Promise<SessionUser> => ({
    id: await rows.user(email, role, regionCode),
    email,
    name: email,
    role,
    regionCode,
  });
  ana = await session('ana@t.test', 'rep', 'MAD');
  bea = await session('bea@t.test', 'rep', 'MAD');
  billingRep = await session('bill@t.test', 'rep', 'MAD');
  await t.db.update(users).set({ team: 'retention' }).where(eq(users.id, ana.id));
  await t.db.update(users).set({ team: 'billing' }).where(eq(users.id, billingRep.id));
  madManager = await session('boss.mad@t.test', 'manager', 'MAD');
  catManager = await session('boss.cat@t.test', 'manager', 'CAT');
  analyst = await session('numbers@t.test', 'analyst', null);
  admin = await session('root@t.test', 'admin', null);
  newCustomer = (region = 'MAD', fee = 4000) => rows.customer({ region, activated: '2023-01-01T00:00:00Z', fee });
});
afterAll(async () => {
  await t?.close();
});

const caller = (session: SessionUser) => createCaller({ db: t.db, session });
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const compensationsOf = (caseId: number) =>
  t.db.select().from(compensations).where(eq(compensations.retentionCaseId, caseId));

describe('logging a retention call', () => {
  it('books a saved discount as one retention_offer of discount × months, linked to the case', async () => {
    const customerId = await newCustomer();
    const closedAt = minutesAgo(10);
    const result = await caller(ana).retentionCalls.open({
      customerId,
      reason: 'price',
      offerType: 'discount',
      offerMonthlyDiscountCents: 750,
      offerMonths: 6,
      outcome: 'saved',
      closedAt,
    });
    expect(result.caseRef).toMatch(/^RC-/);
    const [created] = await t.db.select().from(retentionCases).where(eq(retentionCases.id, result.id));
    expect(created).toMatchObject({
      repId: ana.id,
      outcome: 'saved',
      mrrAtRiskCents: 4000,
      closedAt,
      openedAt: closedAt,
    });
    const booked = await compensationsOf(result.id);
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({
      kind: 'retention_offer',
      amountCents: 4500,
      customerId,
      issuedById: ana.id,
      issuedAt: closedAt,
    });
  });

  it('books a fee waiver at its one-off amount, and an upgrade at nothing', async () => {
    const waived = await caller(ana).retentionCalls.open({
      customerId: await newCustomer(),
      reason: 'billing',
      offerType: 'fee_waiver',
      oneOffAmountCents: 2990,
      outcome: 'saved',
      closedAt: minutesAgo(5),
    });
    expect(await compensationsOf(waived.id)).toMatchObject([{ kind: 'fee_waiver', amountCents: 2990 }]);
    const [waivedCase] = await t.db.select().from(retentionCases).where(eq(retentionCases.id, waived.id));
    expect(waivedCase).toMatchObject({ offerMonthlyDiscountCents: 0, offerMonths: 0 });

    const upgraded = await caller(ana).retentionCalls.open({
      customerId: await newCustomer(),
      reason: 'dissatisfaction',
      offerType: 'upgrade',
      outcome: 'saved',
      closedAt: minutesAgo(5),
    });
    expect(upgraded.compensation).toBeNull();
    expect(await compensationsOf(upgraded.id)).toEqual([]);
  });

  it('marks the customer churned at the closed time with the reason, and refuses an already churned one', async () => {
    const customerId = await newCustomer();
    const closedAt = minutesAgo(30);
    const result = await caller(ana).retentionCalls.open({
      customerId,
      reason: 'competitor',
      competitor: 'Fibranet',
      offerType: 'discount',
      offerMonthlyDiscountCents: 500,
      offerMonths: 3,
      outcome: 'churned',
      closedAt,
    });
    expect(result.customerChurned).toBe(true);
    expect(await compensationsOf(result.id)).toEqual([]);
    const [customer] = await t.db.select().from(customers).where(eq(customers.id, customerId));
    expect(customer).toMatchObject({ churnedAt: closedAt, churnCategory: 'competitor', competitor: 'Fibranet' });

    const again = caller(ana).retentionCalls.open({
      customerId,
      reason: 'price',
      offerType: 'none',
      outcome: 'churned',
      closedAt: minutesAgo(1),
    });
    await expect(again).rejects.toThrow(/already churned/);
    expect(await code(again)).toBe('CONFLICT');
    const cases = await t.db.select().from(retentionCases).where(eq(retentionCases.customerId, customerId));
    expect(cases).toHaveLength(1);
  });

  it('forbids analysts, and keeps reps and managers to their region', async () => {
    const customerId = await newCustomer();
    const call = { customerId, reason: 'price', offerType: 'none', outcome: 'pending' } as const;
    expect(await code(caller(analyst).retentionCalls.open(call))).toBe('FORBIDDEN');
    expect(await code(caller(analyst).retentionCalls.lookupCustomers({ q: 'ACC' }))).toBe('FORBIDDEN');
    expect(await code(caller(catManager).retentionCalls.open({ ...call, repId: ana.id }))).toBe('NOT_FOUND');
    expect(await code(caller(madManager).retentionCalls.open(call))).toBe('BAD_REQUEST');
    expect(await code(caller(ana).retentionCalls.open({ ...call, customerId: await newCustomer('CAT') }))).toBe(
      'NOT_FOUND',
    );
    const lookedUp = await caller(ana).retentionCalls.lookupCustomers({ q: 'ACC' });
    expect(lookedUp.length).toBeGreaterThan(0);
    expect(new Set(lookedUp.map((c) => c.regionCode))).toEqual(new Set(['MAD']));
    await t.db.insert(customers).values({
      accountNumber: 'X-77',
      name: 'José García Núñez',
      regionCode: 'MAD',
      activatedAt: new Date('2023-01-01T00:00:00Z'),
      monthlyFeeCents: 3000,
    });
    expect((await caller(ana).retentionCalls.lookupCustomers({ q: 'garcia nu' })).map((c) => c.accountNumber)).toEqual([
      'X-77',
    ]);
    expect(await caller(catManager).retentionCalls.lookupCustomers({ q: 'x-77' })).toEqual([]);
    const byManager = await caller(madManager).retentionCalls.open({ ...call, repId: bea.id });
    const [created] = await t.db.select().from(retentionCases).where(eq(retentionCases.id, byManager.id));
    expect(created?.repId).toBe(bea.id);
  });

  it('leaves money offers to the retention desk', async () => {
    const call = {
      customerId: await newCustomer(),
      reason: 'price',
      offerType: 'loyalty_credit',
      oneOffAmountCents: 1000,
      outcome: 'saved',
      closedAt: minutesAgo(1),
    } as const;
    expect(await code(caller(billingRep).retentionCalls.open(call))).toBe('FORBIDDEN');
    expect(
      await code(caller(billingRep).retentionCalls.open({ ...call, offerType: 'none', oneOffAmountCents: null })),
    ).toBe('resolved');
  });

  it('refuses incomplete offers with a message that says what to fix', async () => {
    const customerId = await newCustomer();
    await expect(
      caller(ana).retentionCalls.open({
        customerId,
        reason: 'price',
        offerType: 'discount',
        outcome: 'saved',
        closedAt: minutesAgo(1),
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      caller(ana).retentionCalls.open({ customerId, reason: 'price', offerType: 'none', outcome: 'saved' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('writes the audit row in the same transaction as the case', async () => {
    const customerId = await newCustomer();
    const result = await caller(ana).retentionCalls.open({
      customerId,
      reason: 'moved',
      offerType: 'none',
      outcome: 'pending',
    });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, result.caseRef));
    expect(audit).toMatchObject([{ action: 'retention_case.open', entity: 'retention_case', actorId: ana.id }]);

    // Make the audit insert fail: the case and its compensation must roll back with it.
    await t.db.execute(sql`create function refuse_audit() returns trigger language plpgsql as
      $$ begin raise exception 'audit refused'; end $$`);
    await t.db.execute(
      sql`create trigger refuse_audit before insert on audit_log for each row execute function refuse_audit()`,
    );
    try {
      const other = await newCustomer();
      const failed = caller(ana).retentionCalls.open({
        customerId: other,
        reason: 'price',
        offerType: 'discount',
        offerMonthlyDiscountCents: 500,
        offerMonths: 2,
        outcome: 'saved',
        closedAt: minutesAgo(1),
      });
      await expect(failed).rejects.toThrow();
      expect(await t.db.select().from(retentionCases).where(eq(retentionCases.customerId, other))).toEqual([]);
      expect(await t.db.select().from(compensations).where(eq(compensations.customerId, other))).toEqual([]);
    } finally {
      await t.db.execute(sql`drop trigger refuse_audit on audit_log`);
      await t.db.execute(sql`drop function refuse_audit()`);
    }
  });
});

describe('closing a pending case', () => {
  const openPending = async (rep: SessionUser) =>
    caller(rep).retentionCalls.open({
      customerId: await newCustomer(),
      reason: 'competitor',
      offerType: 'none',
      outcome: 'pending',
    });

  it("lets the case's rep, their regional manager and an admin close it, and no other rep or region", async () => {
    const pending = await openPending(ana);
    const close = { caseId: pending.id, outcome: 'saved', offerType: 'none', closedAt: new Date() } as const;
    // Out of scope answers like a missing case: nobody learns that a case exists outside their scope.
    expect(await code(caller(bea).retentionCalls.close(close))).toBe('NOT_FOUND');
    expect(await code(caller(catManager).retentionCalls.close(close))).toBe('NOT_FOUND');
    expect(await code(caller(catManager).retentionCalls.close({ ...close, caseId: 999_999 }))).toBe('NOT_FOUND');
    expect(await code(caller(analyst).retentionCalls.close(close))).toBe('FORBIDDEN');
    expect(await code(caller(madManager).retentionCalls.close(close))).toBe('resolved');
    expect(await code(caller(admin).retentionCalls.close(close))).toBe('CONFLICT');
  });

  it("scopes closing by the customer's region, not the rep's", async () => {
    // A Madrid rep took a call about a Catalan customer: the case is Catalonia's.
    const pending = await caller(admin).retentionCalls.open({
      customerId: await newCustomer('CAT'),
      repId: bea.id,
      reason: 'price',
      offerType: 'none',
      outcome: 'pending',
    });
    const close = { caseId: pending.id, outcome: 'saved', offerType: 'none', closedAt: new Date() } as const;
    expect(await code(caller(madManager).retentionCalls.close(close))).toBe('NOT_FOUND');
    const [still] = await t.db.select().from(retentionCases).where(eq(retentionCases.id, pending.id));
    expect(still?.outcome).toBe('pending');
    expect(await code(caller(catManager).retentionCalls.close(close))).toBe('resolved');
    const [closed] = await t.db.select().from(retentionCases).where(eq(retentionCases.id, pending.id));
    expect(closed?.outcome).toBe('saved');
  });

  it('applies the outcome rules: a promotion books its cost, a loss churns the customer', async () => {
    const saved = await openPending(ana);
    const closedAt = new Date();
    const result = await caller(ana).retentionCalls.close({
      caseId: saved.id,
      outcome: 'saved',
      offerType: 'promotion',
      offerMonthlyDiscountCents: 1000,
      offerMonths: 3,
      closedAt,
      notes: 'Took the 3-month promotion',
    });
    expect(result.compensation).toMatchObject({ kind: 'retention_offer', amountCents: 3000 });
    expect(await compensationsOf(saved.id)).toMatchObject([
      { amountCents: 3000, issuedAt: closedAt, issuedById: ana.id },
    ]);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, saved.caseRef));
    expect(audit.map((a) => a.action)).toEqual(['retention_case.open', 'retention_case.close']);

    const lost = await openPending(ana);
    await caller(ana).retentionCalls.close({
      caseId: lost.id,
      outcome: 'churned',
      offerType: 'none',
      closedAt: new Date(),
      competitor: 'Movilia',
    });
    const [row] = await queryRows<{ churn_category: string; competitor: string }>(
      t.db,
      sql`select c.churn_category, c.competitor from customers c join retention_cases r on r.customer_id = c.id where r.id = ${lost.id}`,
    );
    expect(row).toEqual({ churn_category: 'competitor', competitor: 'Movilia' });
  });
});

describe("a rep's own cases and save rate", () => {
  it('lists pending cases first and reports the save rate the KPI engine gives', async () => {
    const mine = await caller(ana).retentionCalls.myCases({ page: 1 });
    expect(mine.total).toBeGreaterThan(0);
    const firstClosed = mine.rows.findIndex((r) => r.outcome !== 'pending');
    expect(mine.rows.slice(firstClosed).every((r) => r.outcome !== 'pending')).toBe(true);
    expect(mine.rows.every((r) => r.accountNumber)).toBe(true);
    expect(await code(caller(madManager).retentionCalls.myCases({ page: 1 }))).toBe('FORBIDDEN');

    const { periods } = await caller(ana).retentionCalls.mySaveRate();
    expect(periods.map((p) => p.preset)).toEqual(['this_month', 'last_90_days']);
    for (const p of periods) {
      const figures = await retentionFigures(t.db, {
        period: { from: p.from, to: p.to, tz: 'Europe/Madrid' },
        region: null,
        rep: ana.email,
      });
      expect(p).toMatchObject({
        saved: figures.saved,
        lost: figures.lost,
        saveRate: figures.saveRate,
        offerCostCents: figures.offerCostCents,
        costPerSaveCents: figures.costPerSaveCents,
      });
    }
    // Saved: discount, fee waiver, upgrade, the case her manager closed, the promotion; lost: two.
    const last90 = periods[1];
    expect(last90).toMatchObject({ saved: 5, lost: 2, offerCostCents: 4500 + 2990 + 3000 });
    expect(last90?.saveRate).toBeCloseTo(5 / 7);
  });
});
