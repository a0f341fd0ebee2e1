import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outageFigures } from '@/server/metrics/outages';
import { testRows } from '@/test/factories/metric-rows';
import { createTestDb, type TestDb } from '@/test/db';
import { affectedCustomersCsv, type AffectedCustomerRow } from './affected-customers';
import { getOutage } from './details';
import { outageWorld } from '@/test/factories/outage-world';

/**
 * Who an outage affects, by hand: active at started_at (activated before it, not churned before
 * it), billed at one of its postcodes or, when it lists none, in one of its regions.
 */
let t: TestDb;
let world: Awaited<ReturnType<typeof outageWorld>>;
const START = '2026-03-10T10:00:00Z';

async function csvRows(ref: string, actor = world.people.manager): Promise<AffectedCustomerRow[]> {
  const csv = await affectedCustomersCsv(t.db, actor, { ref, status: 'all' });
  const rows: AffectedCustomerRow[] = [];
  for await (const page of csv.batches) rows.push(...page);
  return rows;
}

beforeAll(async () => {
  t = await createTestDb();
  world = await outageWorld(t.db);
  const c = world.customer;
  await c({ region: 'MAD', postcode: '28001', account: 'A-28001' }); // both outages
  await c({ region: 'MAD', postcode: '28002', account: 'B-28002' }); // the region-wide one only
  await c({ region: 'MAD', postcode: '28001', account: 'C-CHURNED-BEFORE', churned: '2026-03-01T00:00:00Z' });
  await c({ region: 'MAD', postcode: '28001', account: 'D-CHURNED-AFTER', churned: '2026-03-10T12:00:00Z' });
  await c({ region: 'MAD', postcode: '28003', account: 'E-CHURNED-AT-START', churned: START });
  await c({ region: 'MAD', postcode: '28001', account: 'F-JOINED-AFTER', activated: '2026-03-10T11:00:00Z' });
  await c({ region: 'MAD', postcode: '28001', account: 'G-JOINED-AT-START', activated: START });
  await c({ region: 'MAD', postcode: null, account: 'H-NO-POSTCODE' });
  await c({ region: 'VAL', postcode: '46001', account: 'I-VAL' });
  await c({ region: 'VAL', postcode: '46002', account: 'J-VAL' });

  const rows = testRows(t.db);
  await rows.outage({ started: START, regions: ['MAD'] }); // OUT-1
  await rows.outage({ started: START, regions: ['MAD'], postcodes: ['28001'] }); // OUT-2
  await rows.outage({ started: START, regions: ['MAD', 'VAL'] }); // OUT-3
  await rows.outage({ started: START, regions: ['VAL'], postcodes: ['46002'] }); // OUT-4
});
afterAll(async () => {
  await t?.close();
});

describe('affected customers', () => {
  it('a region-wide outage: everyone in the region active at the start, whatever the postcode', async () => {
    expect((await csvRows('OUT-1')).map((r) => r.account_number)).toEqual([
      'A-28001',
      'B-28002',
      'D-CHURNED-AFTER',
      'E-CHURNED-AT-START',
      'H-NO-POSTCODE',
    ]);
    expect((await getOutage(t.db, world.people.manager, { ref: 'OUT-1' })).affectedCustomers).toBe(5);
  });

  it('an outage with postcodes: only customers billed there (not the rest of the region, not a missing postcode)', async () => {
    expect(await csvRows('OUT-2')).toEqual([
      { account_number: 'A-28001', postcode: '28001', region_code: 'MAD' },
      { account_number: 'D-CHURNED-AFTER', postcode: '28001', region_code: 'MAD' },
    ]);
    expect((await getOutage(t.db, world.people.manager, { ref: 'OUT-2' })).affectedCustomers).toBe(2);
  });

  it('a regional manager sees only their region’s customers of a two-region outage', async () => {
    expect((await csvRows('OUT-3')).map((r) => r.account_number)).toHaveLength(7);
    const mad = await csvRows('OUT-3', world.people.madManager);
    expect(mad.map((r) => r.region_code)).toEqual(['MAD', 'MAD', 'MAD', 'MAD', 'MAD']);
    const val = await csvRows('OUT-3', world.people.valManager);
    expect(val.map((r) => r.account_number)).toEqual(['I-VAL', 'J-VAL']);
    expect((await getOutage(t.db, world.people.valManager, { ref: 'OUT-3' })).affectedCustomers).toBe(2);
  });

  it('an outage outside a regional manager’s region answers as missing', async () => {
    await expect(getOutage(t.db, world.people.valManager, { ref: 'OUT-1' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(csvRows('OUT-4', world.people.madManager)).rejects.toMatchObject({ code: 'not_found' });
    expect((await csvRows('OUT-4')).map((r) => r.account_number)).toEqual(['J-VAL']);
  });

  it('is the KPI engine’s count: the period figure is the sum over the outages', async () => {
    const figures = await outageFigures(t.db, {
      period: { from: '2026-03-01', to: '2026-03-31', tz: 'Europe/Madrid' },
      region: null,
      commTargetMinutes: 30,
    });
    expect(figures.affectedCustomers).toBe(5 + 2 + 7 + 1);
  });
});
