import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compensations, engineerAppointments, serviceOrders } from '@/db/schema';
import { compensationFigures } from '@/server/metrics/compensation';
import { outageWorld } from '@/test/factories/outage-world';
import { testRows } from '@/test/factories/metric-rows';
import { createTestDb, type TestDb } from '@/test/db';
import { errorLines, importLines } from '@/test/import-run';
import { putSetting } from '../settings';
import { creditServiceFailures, customerServiceCredits } from './service-credits';

/**
 * Ofcom's missed appointments and late starts through the whole path: CSV import, the region's
 * policy, the amounts per item (by hand, from the April 2026 amounts: £32.31 per missed
 * appointment, £6.46 a day of late start) and the automatic booking.
 */
let t: TestDb;
let world: Awaited<ReturnType<typeof outageWorld>>;
const NOW = new Date('2026-11-30T10:00:00Z');
let london = { id: 0, account: '' };

const APPOINTMENTS = 'appointment_ref,account_number,service,window_start,window_end,status,cancelled_at';
const ORDERS = 'order_ref,account_number,service,ordered_on,promised_on,started_on';

beforeAll(async () => {
  t = await createTestDb();
  world = await outageWorld(t.db);
  await testRows(t.db).region('LDN');
  await putSetting(t.db, 'reportTz', 'Europe/London');
  await putSetting(t.db, 'legalCompensationPolicies', [
    { regionCode: 'LDN', policy: 'uk-ofcom', effectiveFrom: '2025-01-01', nation: 'ENG' },
    { regionCode: 'MAD', policy: 'es-rd899', effectiveFrom: '2025-01-01' },
  ]);
  london = await world.customer({ region: 'LDN', postcode: null, account: 'L-1' });
  await world.customer({ region: 'MAD', account: 'M-1' });
  const appointments = await importLines(t.db, 'engineer_appointments', [
    APPOINTMENTS,
    'EA-1,L-1,internet,2026-05-05T08:00:00+01:00,2026-05-05T13:00:00+01:00,missed,',
    // Cancelled 22 hours before the window: less than 24 hours' notice, so missed.
    'EA-2,L-1,landline,2026-05-12T08:00:00+01:00,2026-05-12T13:00:00+01:00,cancelled,2026-05-11T10:00:00+01:00',
    'EA-3,L-1,internet,2026-05-20T08:00:00+01:00,2026-05-20T13:00:00+01:00,cancelled,2026-05-01T10:00:00+01:00',
    'EA-4,L-1,tv,2026-05-21T08:00:00+01:00,2026-05-21T13:00:00+01:00,missed,',
    'EA-5,L-1,internet,2026-06-01T08:00:00+01:00,2026-06-01T13:00:00+01:00,kept,',
    'EA-6,M-1,internet,2026-05-05T08:00:00+02:00,2026-05-05T13:00:00+02:00,missed,',
  ]);
  expect(appointments.committed, JSON.stringify(appointments.errors)).toBe(true);
  const orders = await importLines(t.db, 'service_orders', [
    ORDERS,
    'SO-1,L-1,internet,2026-04-20,2026-05-04,2026-05-06',
    'SO-2,L-1,landline,2026-11-01,2026-11-20,',
    'SO-3,L-1,internet,2026-04-20,2026-05-04,2026-05-04',
    'SO-4,M-1,internet,2026-04-20,2026-05-04,2026-05-10',
  ]);
  expect(orders.committed, JSON.stringify(orders.errors)).toBe(true);
});
afterAll(async () => {
  await t?.close();
});

describe('imports', () => {
  it('refuse a window that ends before it starts, a cancellation without its time, an unknown status and a promise before the order', async () => {
    const a = await importLines(t.db, 'engineer_appointments', [
      APPOINTMENTS,
      'EA-9,L-1,internet,2026-05-05T13:00:00Z,2026-05-05T08:00:00Z,missed,',
      'EA-10,L-1,internet,2026-05-05T08:00:00Z,2026-05-05T13:00:00Z,cancelled,',
      'EA-11,L-1,internet,2026-05-05T08:00:00Z,2026-05-05T13:00:00Z,late,',
      'EA-12,L-1,internet,2026-05-05T08:00:00Z,2026-05-05T13:00:00Z,kept,2026-05-01T08:00:00Z',
    ]);
    expect(a.committed).toBe(false);
    expect(errorLines(a)).toEqual([
      '2 window_end 2026-05-05T08:00:00Z: must be after window_start (2026-05-05T13:00:00Z)',
      '3 cancelled_at : required when status is cancelled',
      '4 status late: must be one of: scheduled, kept, missed, cancelled',
      '5 cancelled_at 2026-05-01T08:00:00Z: must be empty unless status is cancelled (status is kept)',
    ]);
    const o = await importLines(t.db, 'service_orders', [
      ORDERS,
      'SO-9,L-1,internet,2026-05-04,2026-05-01,',
      'SO-10,L-9,fax,2026-05-04,,',
    ]);
    expect(o.committed).toBe(false);
    expect(errorLines(o)).toEqual([
      '2 promised_on 2026-05-01: must not be before ordered_on (2026-05-04)',
      '3 service fax: must be one of: internet, landline, mobile, tv',
      '3 promised_on : required',
      '3 account_number L-9: unknown account_number (import customers first)',
    ]);
  });
});

describe('what is owed', () => {
  it('per item under Ofcom, by hand; a region under another policy owes nothing for them', async () => {
    const credits = await customerServiceCredits(t.db, world.people.manager, 'L-1', NOW);
    const owed = Object.fromEntries(credits.items.map((i) => [i.ref, [i.owedCents, i.final]]));
    expect(owed).toEqual({
      'EA-1': [3231, true],
      'EA-2': [3231, true],
      'EA-3': [0, true],
      'EA-4': [0, true],
      'EA-5': [0, true],
      // Started two days late: 4 and 5 May × 6.46.
      'SO-1': [1292, true],
      // Promised 20 November, not started on 30 November: 20–29 November so far, 10 × 6.46.
      'SO-2': [6460, false],
      'SO-3': [0, true],
    });
    // 3231 + 3231 + 1292 + 6460
    expect(credits).toMatchObject({ owedCents: 14_214, creditedCents: 0, stillOwedCents: 14_214 });
    expect(credits.items.find((i) => i.ref === 'EA-2')?.explanation?.inputs).toMatchObject({ noticeHours: 22 });

    const spain = await customerServiceCredits(t.db, world.people.manager, 'M-1', NOW);
    expect(spain.items.map((i) => [i.ref, i.explanation, i.owedCents])).toEqual([
      ['EA-6', null, 0],
      ['SO-4', null, 0],
    ]);
  });

  it('a customer out of scope is not found; reps and analysts may read but not credit', async () => {
    await expect(customerServiceCredits(t.db, world.people.madManager, 'L-1', NOW)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(creditServiceFailures(t.db, world.people.rep, 'M-1', NOW)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(creditServiceFailures(t.db, world.people.analyst, 'L-1', NOW)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('booking', () => {
  it('credits the final amounts as automatic service credits (no rep), once; the running late start waits', async () => {
    // 3231 + 3231 + 1292
    expect(await creditServiceFailures(t.db, world.people.manager, 'L-1', NOW)).toEqual({
      created: 3,
      createdCents: 7754,
    });
    const made = await t.db.select().from(compensations).where(eq(compensations.customerId, london.id));
    expect(made.map((k) => [k.kind, k.amountCents, k.issuedById]).sort()).toEqual([
      ['service_credit', 1292, null],
      ['service_credit', 3231, null],
      ['service_credit', 3231, null],
    ]);
    const linked = await t.db.select({ comp: engineerAppointments.compensationId }).from(engineerAppointments);
    expect(linked.filter((l) => l.comp !== null)).toHaveLength(2);
    const orders = await t.db
      .select({ ref: serviceOrders.orderRef, comp: serviceOrders.compensationId })
      .from(serviceOrders);
    expect(orders.filter((o) => o.comp !== null).map((o) => o.ref)).toEqual(['SO-1']);

    expect(await creditServiceFailures(t.db, world.people.admin, 'L-1', NOW)).toEqual({ created: 0, createdCents: 0 });
    const after = await customerServiceCredits(t.db, world.people.analyst, 'L-1', NOW);
    expect(after).toMatchObject({ owedCents: 14_214, creditedCents: 7754, stillOwedCents: 6460 });

    const figures = await compensationFigures(t.db, {
      period: { from: '2026-11-01', to: '2026-11-30', tz: 'Europe/London' },
      region: null,
      rep: null,
    });
    expect(figures.byRep).toEqual([{ key: 'automatic', count: 3, totalCents: 7754 }]);
  });

  it('a late start is booked once it has started', async () => {
    await importLines(t.db, 'service_orders', [ORDERS, 'SO-2,L-1,landline,2026-11-01,2026-11-20,2026-11-25']);
    // 20–24 November: 5 × 6.46 = 32.30
    expect(await creditServiceFailures(t.db, world.people.manager, 'L-1', NOW)).toEqual({
      created: 1,
      createdCents: 3230,
    });
    expect(await customerServiceCredits(t.db, world.people.manager, 'L-1', NOW)).toMatchObject({
      owedCents: 10_984,
      creditedCents: 10_984,
      stillOwedCents: 0,
    });
  });
});
