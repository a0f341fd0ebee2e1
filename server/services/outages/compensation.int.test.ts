import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { auditLog, compensations } from '@/db/schema';
import { testRows } from '@/test/factories/metric-rows';
import { createTestDb, type TestDb } from '@/test/db';
import { putSetting } from '../settings';
import { compensateAll, outageCompensation } from './compensation';
import { outageWorld } from '@/test/factories/outage-world';

/**
 * The general pro-rata legal minimum, round_half_up(monthly_fee × hours / 720) cents (regions with
 * no specific rule), and the policy over it, computed by hand; and "compensate all" creating each
 * credit once, even run twice at once.
 */
let t: TestDb;
let world: Awaited<ReturnType<typeof outageWorld>>;
let rows: ReturnType<typeof testRows>;
let region = 0;

/** A fresh region with one customer per fee, active since 2025, and an outage over it. */
async function outageOver(fees: number[], o: { started: string; resolved?: string }) {
  const code = `R${++region}`;
  await rows.region(code);
  const customers = [];
  for (const fee of fees) customers.push(await world.customer({ region: code, postcode: null, fee }));
  const outageId = await rows.outage({ started: o.started, resolved: o.resolved, regions: [code] });
  const [row] = await queryRows<{ ref: string }>(
    t.db,
    sql`select outage_ref as ref from outages where id = ${outageId}`,
  );
  return { ref: row?.ref ?? '', outageId, customers };
}

const credits = (outageId: number) =>
  t.db
    .select()
    .from(compensations)
    .where(and(eq(compensations.outageId, outageId), eq(compensations.kind, 'outage_credit')))
    .orderBy(compensations.customerId);

async function policy(multiplier: number, floorCents: number, minHours: number) {
  await putSetting(t.db, 'outageCompMultiplier', multiplier);
  await putSetting(t.db, 'outageCompFloorCents', floorCents);
  await putSetting(t.db, 'outageCompMinHours', minHours);
}

beforeAll(async () => {
  t = await createTestDb();
  world = await outageWorld(t.db);
  rows = testRows(t.db);
});
afterAll(async () => {
  await t?.close();
});

describe('legal minimum', () => {
  it('rounds half up: 3 h on fees 1.20, 6.00, 12.34 → 0.5→1, 2.5→3, 5.1417→5', async () => {
    await policy(1, 0, 0);
    const o = await outageOver([120, 600, 1234], { started: '2026-02-01T10:00:00Z', resolved: '2026-02-01T13:00:00Z' });
    const k = await outageCompensation(t.db, world.people.manager, { ref: o.ref });
    expect(k).toMatchObject({ open: false, hours: 3, affected: 3, legalMinimumCents: 1 + 3 + 5, policyCents: 9 });
    expect(k.stillOwed).toMatchObject({ count: 3, cents: 9 });
    expect(k.stillOwed.first.map((c) => c.owedCents)).toEqual([1, 3, 5]);
  });

  it('an unresolved outage runs to the injected now: 7 h 12 min = 7.2 h', async () => {
    const o = await outageOver([1000, 2500, 50], { started: '2026-02-02T08:00:00Z' });
    const now = new Date('2026-02-02T15:12:00Z');
    const k = await outageCompensation(t.db, world.people.manager, { ref: o.ref }, now);
    // 1000 × 7.2 / 720 = 10; 2500 × 7.2 / 720 = 25; 50 × 7.2 / 720 = 0.5 → 1
    expect(k).toMatchObject({ open: true, hours: 7.2, legalMinimumCents: 36, policyCents: 36 });
    const later = await outageCompensation(
      t.db,
      world.people.manager,
      { ref: o.ref },
      new Date('2026-02-02T22:24:00Z'),
    );
    expect(later).toMatchObject({ hours: 14.4, legalMinimumCents: 20 + 50 + 1 });
  });

  it('policy: × 1.5 and a 5-cent floor raise it, never lower it; under the minimum hours only the legal minimum', async () => {
    const o = await outageOver([120, 600, 1234], { started: '2026-02-03T10:00:00Z', resolved: '2026-02-03T13:00:00Z' });
    await policy(1.5, 5, 2);
    // legal 1, 3, 5; × 1.5: 0.75→1, 3.75→4, 7.7125→8; floor 5 → 5, 5, 8
    const k = await outageCompensation(t.db, world.people.manager, { ref: o.ref });
    expect(k).toMatchObject({ legalMinimumCents: 9, policyCents: 18, belowMinimumHours: false });
    expect(k.stillOwed.first.map((c) => c.owedCents)).toEqual([5, 5, 8]);

    await policy(0.5, 0, 0);
    expect(await outageCompensation(t.db, world.people.manager, { ref: o.ref })).toMatchObject({ policyCents: 9 });

    await policy(1.5, 5, 4);
    const short = await outageCompensation(t.db, world.people.manager, { ref: o.ref });
    // Below the policy's minimum hours the multiplier and the floor stop; the legal minimum never does.
    expect(short).toMatchObject({ legalMinimumCents: 9, policyCents: 9, belowMinimumHours: true });
    expect(short.stillOwed.count).toBe(3);

    // Exactly the minimum counts: 3 h against a 3-hour minimum.
    await policy(1, 0, 3);
    expect(await outageCompensation(t.db, world.people.manager, { ref: o.ref })).toMatchObject({ policyCents: 9 });
    await policy(1, 0, 0);
  });
});

describe('compensate all affected', () => {
  it('creates one outage credit per customer owed, issued now as automatic (no rep); a second run creates nothing', async () => {
    await policy(1, 0, 0);
    const o = await outageOver([120, 600, 1234, 0], {
      started: '2026-02-04T10:00:00Z',
      resolved: '2026-02-04T13:00:00Z',
    });
    const now = new Date('2026-02-05T09:00:00Z');
    const first = await compensateAll(t.db, world.people.manager, { ref: o.ref }, now);
    // The customer paying nothing is owed nothing and gets no zero credit.
    expect(first).toEqual({ created: 3, createdCents: 9, forced: false });
    const made = await credits(o.outageId);
    expect(made.map((k) => k.amountCents)).toEqual([1, 3, 5]);
    expect(made.map((k) => k.compRef.replace(/^CP-\w+-\w+-/, 'CP-run-'))).toEqual(['CP-run-1', 'CP-run-2', 'CP-run-3']);
    for (const k of made) {
      expect(k).toMatchObject({ issuedById: null, outageId: o.outageId, issuedAt: now });
    }
    expect(await compensateAll(t.db, world.people.manager, { ref: o.ref }, now)).toEqual({
      created: 0,
      createdCents: 0,
      forced: false,
    });
    expect(await credits(o.outageId)).toHaveLength(3);
    const k = await outageCompensation(t.db, world.people.manager, { ref: o.ref });
    expect(k).toMatchObject({ issued: { count: 3, cents: 9 }, stillOwed: { count: 0, cents: 0, first: [] } });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, o.ref));
    expect(audits.map((a) => a.action)).toEqual(['outage.compensate_all']);
    expect(audits[0]?.actorId).toBe(world.people.manager.id);
  });

  it('two runs at the same time create each credit once (the partial unique index decides)', async () => {
    const fees = Array.from({ length: 300 }, (_, i) => 1000 + i);
    const o = await outageOver(fees, { started: '2026-02-06T10:00:00Z', resolved: '2026-02-06T22:00:00Z' });
    const results = await Promise.all([
      compensateAll(t.db, world.people.manager, { ref: o.ref }),
      compensateAll(t.db, world.people.admin, { ref: o.ref }),
    ]);
    const expectedCents = fees.reduce((sum, fee) => sum + Math.floor((fee * 12 * 2 + 720) / (720 * 2)), 0);
    expect(results.map((r) => r.created).sort((a, b) => a - b)).toEqual([0, 300]);
    expect(results.reduce((sum, r) => sum + r.createdCents, 0)).toBe(expectedCents);
    const made = await credits(o.outageId);
    expect(made).toHaveLength(300);
    expect(new Set(made.map((k) => k.customerId)).size).toBe(300);
    expect(made.reduce((sum, k) => sum + k.amountCents, 0)).toBe(expectedCents);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, o.ref));
    expect(audits).toHaveLength(1);
  });

  it('a run that starts while another holds its credits uncommitted waits, then creates nothing', async () => {
    const o = await outageOver([7200, 14400], { started: '2026-02-06T10:00:00Z', resolved: '2026-02-06T11:00:00Z' });
    let second: Promise<{ created: number }> | null = null;
    let secondDone = false;
    const first = await t.db.transaction(async (tx) => {
      const result = await compensateAll(tx, world.people.manager, { ref: o.ref });
      // The first run's rows are inserted but not committed: the second must wait on the index.
      second = compensateAll(t.db, world.people.admin, { ref: o.ref }).then((r) => {
        secondDone = true;
        return r;
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(secondDone).toBe(false);
      return result;
    });
    expect(first).toMatchObject({ created: 2, createdCents: 30 });
    expect(await (second as Promise<{ created: number }> | null)).toMatchObject({ created: 0 });
    expect(await credits(o.outageId)).toHaveLength(2);
  });

  it('only credits what is still owed when some customers were credited before', async () => {
    const o = await outageOver([7200, 7200, 7200], {
      started: '2026-02-07T10:00:00Z',
      resolved: '2026-02-07T11:00:00Z',
    });
    const [first] = o.customers;
    await rows.compensation({
      customerId: first?.id ?? 0,
      kind: 'outage_credit',
      amount: 10,
      issued: '2026-02-07T12:00:00Z',
    });
    await t.db.execute(sql`update compensations set outage_id = ${o.outageId} where customer_id = ${first?.id ?? 0}`);
    expect(await compensateAll(t.db, world.people.manager, { ref: o.ref })).toMatchObject({
      created: 2,
      createdCents: 20,
    });
  });

  it('is refused while the outage is open, unless an admin forces it (the hours so far)', async () => {
    const o = await outageOver([7200], { started: '2026-02-08T10:00:00Z' });
    await expect(compensateAll(t.db, world.people.manager, { ref: o.ref })).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining('still open') as string,
    });
    await expect(compensateAll(t.db, world.people.manager, { ref: o.ref, force: true })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const now = new Date('2026-02-08T12:30:00Z');
    expect(await compensateAll(t.db, world.people.admin, { ref: o.ref, force: true }, now)).toEqual({
      created: 1,
      createdCents: 25,
      forced: true,
    });
    // Resolved later at 4 h: owed 40 now, 25 was credited; the credit is final, the shortfall shows.
    await t.db.execute(sql`update outages set resolved_at = '2026-02-08T14:00:00Z' where id = ${o.outageId}`);
    const k = await outageCompensation(t.db, world.people.manager, { ref: o.ref });
    expect(k).toMatchObject({
      policyCents: 40,
      issued: { cents: 25 },
      stillOwed: { count: 0 },
      shortfall: { count: 1, cents: 15 },
    });
    expect(await compensateAll(t.db, world.people.manager, { ref: o.ref })).toMatchObject({ created: 0 });
  });

  it('a regional manager credits only their region’s customers', async () => {
    const mad = await world.customer({ region: 'MAD', postcode: '28002', fee: 7200 });
    const val = await world.customer({ region: 'VAL', postcode: '46002', fee: 7200 });
    const outageId = await rows.outage({
      started: '2026-02-09T10:00:00Z',
      resolved: '2026-02-09T11:00:00Z',
      regions: ['MAD', 'VAL'],
      postcodes: ['28002', '46002'],
    });
    const [row] = await queryRows<{ ref: string }>(
      t.db,
      sql`select outage_ref as ref from outages where id = ${outageId}`,
    );
    const ref = row?.ref ?? '';
    expect(await compensateAll(t.db, world.people.madManager, { ref })).toMatchObject({ created: 1, createdCents: 10 });
    expect((await credits(outageId)).map((k) => k.customerId)).toEqual([mad.id]);
    expect(await outageCompensation(t.db, world.people.manager, { ref })).toMatchObject({
      affected: 2,
      stillOwed: { count: 1, first: [{ accountNumber: val.account }] },
    });
  });
});
