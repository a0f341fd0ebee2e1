import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { bills, compensations, customers, customerServices } from '@/db/schema';
import { compensationFigures } from '@/server/metrics/compensation';
import { testRows } from '@/test/factories/metric-rows';
import { outageWorld } from '@/test/factories/outage-world';
import { createTestDb, type TestDb } from '@/test/db';
import { putSetting } from '../settings';
import { compensateAll, customerOutageCompensation, outageCompensation } from './compensation';

/**
 * The legal minimum under each region's policy through the whole path (services, bills, settings,
 * outage), computed by hand from the rules: Madrid follows RD 899/2009, Valencia the New York rule
 * (a stand-in region), London Ofcom. Outage credits are automatic compensation in the figures.
 */
let t: TestDb;
let world: Awaited<ReturnType<typeof outageWorld>>;
let rows: ReturnType<typeof testRows>;

async function outage(o: { started: string; resolved: string; regions: string[]; forceMajeure?: boolean }) {
  const id = await rows.outage({ started: o.started, resolved: o.resolved, regions: o.regions });
  if (o.forceMajeure) await t.db.execute(sql`update outages set force_majeure = true where id = ${id}`);
  const [row] = await queryRows<{ ref: string }>(t.db, sql`select outage_ref as ref from outages where id = ${id}`);
  return row?.ref ?? '';
}

let bundle = { id: 0, account: '' };
let cheap = { id: 0, account: '' };

beforeAll(async () => {
  t = await createTestDb();
  world = await outageWorld(t.db);
  rows = testRows(t.db);
  await rows.region('LDN');
  await putSetting(t.db, 'reportTz', 'Europe/Madrid');
  await putSetting(t.db, 'legalCompensationPolicies', [
    { regionCode: 'MAD', policy: 'es-rd899', effectiveFrom: '2026-01-01' },
    // A change the day after the outages below start: it does not apply to them.
    { regionCode: 'MAD', policy: 'pro-rata', effectiveFrom: '2026-01-21' },
    { regionCode: 'VAL', policy: 'us-ny-psc', effectiveFrom: '2025-01-01' },
    { regionCode: 'LDN', policy: 'uk-ofcom', effectiveFrom: '2025-01-01', nation: 'ENG' },
  ]);
  bundle = await world.customer({ region: 'MAD', postcode: '28001', fee: 1 });
  cheap = await world.customer({ region: 'MAD', postcode: '28002', fee: 1 });
  await t.db.insert(customerServices).values([
    { customerId: bundle.id, internetFeeCents: 3000, landlineFeeCents: 1500, mobileFeeCents: 2000, tvFeeCents: 1000 },
    { customerId: cheap.id, internetFeeCents: 10000 },
  ]);
  const bill = (period: string, landline: number) => ({
    billRef: `B-${bundle.account}-${period}`,
    customerId: bundle.id,
    period,
    internetCents: 3000,
    landlineCents: landline,
    mobileCents: 3000,
    tvCents: 1000,
  });
  // Oct–Dec 2025 are the three months before a January outage; September is not.
  await t.db
    .insert(bills)
    .values([bill('2025-09-01', 99_999), bill('2025-10-01', 1800), bill('2025-11-01', 2100), bill('2025-12-01', 2400)]);
});
afterAll(async () => {
  await t?.close();
});

describe('services and the monthly fee', () => {
  it('a customer’s monthly fee follows the total of their services', async () => {
    const fees = await t.db.select({ id: customers.id, fee: customers.monthlyFeeCents }).from(customers);
    expect(fees.find((c) => c.id === bundle.id)?.fee).toBe(7500);
    expect(fees.find((c) => c.id === cheap.id)?.fee).toBe(10000);
    await t.db.update(customerServices).set({ tvFeeCents: null }).where(eq(customerServices.customerId, bundle.id));
    const [after] = await t.db
      .select({ fee: customers.monthlyFeeCents })
      .from(customers)
      .where(eq(customers.id, bundle.id));
    expect(after?.fee).toBe(6500);
    await t.db.update(customerServices).set({ tvFeeCents: 1000 }).where(eq(customerServices.customerId, bundle.id));
  });
});

describe('Spain: per customer, with the explanation', () => {
  let ref = '';
  beforeAll(async () => {
    // 09:00–16:00 Madrid on 20 January.
    ref = await outage({ started: '2026-01-20T08:00:00Z', resolved: '2026-01-20T15:00:00Z', regions: ['MAD'] });
  });

  it('the bundle is owed 199 (telephony 170.14, internet 29.17); 10,000 of internet owes 97, not above €1', async () => {
    const k = await outageCompensation(t.db, world.people.manager, { ref });
    expect(k).toMatchObject({ affected: 2, legalMinimumCents: 199 + 97, policyCents: 199 });
    expect(k.byPolicy).toEqual([
      expect.objectContaining({
        policy: 'es-rd899',
        customers: 2,
        legalCents: 296,
        automaticCents: 199,
        owedCents: 199,
      }),
    ]);
    expect(k.stillOwed).toMatchObject({ count: 1, cents: 199, first: [{ accountNumber: bundle.account }] });
    const one = await customerOutageCompensation(t.db, world.people.analyst, { ref, account: cheap.account });
    expect(one).toMatchObject({ legalCents: 97, owedCents: 0, creditedCents: null, stillOwedCents: 0 });
    expect(one.explanation).toMatchObject({ policy: 'es-rd899', automatic: false, inputs: { hoursBetween08and22: 7 } });
    const rich = await customerOutageCompensation(t.db, world.people.analyst, { ref, account: bundle.account });
    expect(rich.explanation.inputs).toMatchObject({ averageBilledCents: 5100, billedMonths: 3 });
  });

  it('compensate all books the credit as automatic: no issuing rep, "Issued automatically" in the figures', async () => {
    expect(await compensateAll(t.db, world.people.manager, { ref }, new Date('2026-01-22T10:00:00Z'))).toMatchObject({
      created: 1,
      createdCents: 199,
    });
    const made = await t.db.select().from(compensations).where(eq(compensations.customerId, bundle.id));
    expect(made).toEqual([expect.objectContaining({ amountCents: 199, issuedById: null, kind: 'outage_credit' })]);
    const figures = await compensationFigures(t.db, {
      period: { from: '2026-01-01', to: '2026-01-31', tz: 'Europe/Madrid' },
      region: null,
      rep: null,
    });
    expect(figures.byRep).toEqual([{ key: 'automatic', count: 1, totalCents: 199 }]);
    const after = await customerOutageCompensation(t.db, world.people.manager, { ref, account: bundle.account });
    expect(after).toMatchObject({ creditedCents: 199, stillOwedCents: 0 });
  });

  it('force majeure: telephony gets its fees prorated only', async () => {
    // 72 h, 19–22 January: telephony 3,500 × 72/720 = 350; internet 3,000 × 72/720 = 300 (well over 6 h in the window).
    const fm = await outage({
      started: '2026-01-19T00:00:00Z',
      resolved: '2026-01-22T00:00:00Z',
      regions: ['MAD'],
      forceMajeure: true,
    });
    const one = await customerOutageCompensation(t.db, world.people.manager, { ref: fm, account: bundle.account });
    expect(one).toMatchObject({ legalCents: 650, owedCents: 650 });
  });

  it('a customer the outage did not affect is not found', async () => {
    await expect(
      customerOutageCompensation(t.db, world.people.manager, { ref, account: 'ACC-NOPE' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('New York: at least 100 subscribers for at least 24 hours', () => {
  it('exactly 100 subscribers for exactly 24 hours: 1/30 of 30.00 each; 99 owe nothing', async () => {
    for (let i = 0; i < 99; i++) await world.customer({ region: 'VAL', postcode: '46001', fee: 3000 });
    const short = await outage({ started: '2026-02-01T10:00:00Z', resolved: '2026-02-02T10:00:00Z', regions: ['VAL'] });
    expect(await outageCompensation(t.db, world.people.manager, { ref: short })).toMatchObject({
      affected: 99,
      legalMinimumCents: 0,
    });
    await world.customer({ region: 'VAL', postcode: '46002', fee: 3000 });
    const full = await outage({ started: '2026-02-03T10:00:00Z', resolved: '2026-02-04T10:00:00Z', regions: ['VAL'] });
    const k = await outageCompensation(t.db, world.people.manager, { ref: full });
    expect(k).toMatchObject({ affected: 100, legalMinimumCents: 100 * 100, policyCents: 100 * 100 });
    // A regional manager sees their region's part, but the threshold counts every subscriber affected.
    expect(await outageCompensation(t.db, world.people.valManager, { ref: full })).toMatchObject({ affected: 100 });
  });
});

describe('UK: delayed repair', () => {
  it('across Easter: owed for 9 and 10 April at the April 2026 daily amount', async () => {
    const london = await world.customer({ region: 'LDN', postcode: null, fee: 3500 });
    await t.db
      .insert(customerServices)
      .values({ customerId: london.id, internetFeeCents: 2500, landlineFeeCents: 1000 });
    const ref = await outage({ started: '2026-04-02T09:00:00Z', resolved: '2026-04-10T11:00:00Z', regions: ['LDN'] });
    const one = await customerOutageCompensation(t.db, world.people.manager, { ref, account: london.account });
    expect(one).toMatchObject({ legalCents: 2068, owedCents: 2068 });
    expect(one.explanation).toMatchObject({ policy: 'uk-ofcom', version: '2026-04-01' });
  });
});
