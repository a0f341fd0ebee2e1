import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outages } from '@/db/schema';
import { createTestDb, type TestDb } from '@/test/db';
import { outageList } from './outage-list';
import { outageFigures } from './outages';
import { testRows } from '@/test/factories/metric-rows';

const period = { from: '2024-05-10', to: '2024-05-12', tz: 'Europe/Madrid' };
const none = { detect: null, communicate: null, ivr: null, sms: null, brief: null, resolve: null };

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  for (const code of ['OUT', 'OTH']) await rows.region(code);
  const long = '2024-01-01T00:00:00Z';
  await rows.customer({ region: 'OUT', activated: long, postcode: '99001' });
  await rows.customer({ region: 'OUT', activated: long, postcode: '99002' });
  await rows.customer({ region: 'OUT', activated: '2024-05-11T09:00:00Z', postcode: '99001' });
  await rows.customer({ region: 'OUT', activated: long, postcode: '99001', churned: '2024-05-01T00:00:00Z' });
  await rows.customer({ region: 'OTH', activated: long, postcode: '99001' });
  const first = await rows.outage({
    started: '2024-05-10T08:00:00Z',
    regions: ['OUT'],
    detected: '2024-05-10T08:05:00Z',
    communicated: '2024-05-10T08:30:00Z',
    resolved: '2024-05-10T10:00:00Z',
  });
  await t.db
    .update(outages)
    .set({ smsSentAt: new Date('2024-05-10T08:45:30Z') })
    .where(eq(outages.id, first));
  await rows.outage({
    started: '2024-05-11T08:00:00Z',
    regions: ['OUT', 'OTH'],
    postcodes: ['99001'],
    detected: '2024-05-11T08:10:00Z',
    resolved: '2024-05-11T09:00:00Z',
  });
  await rows.outage({ started: '2024-05-12T08:00:00Z', regions: ['OTH'], communicated: '2024-05-12T08:31:00Z' });
  await rows.outage({ started: '2024-05-12T22:00:00Z', regions: ['OUT'] }); // 13 May 00:00 local: after the period
});
afterAll(async () => {
  await t?.close();
});

describe('outage list', () => {
  it('lists the outages started in the period, latest first, with milestones and affected customers', async () => {
    const list = await outageList(t.db, { period, region: null });
    expect(list.map(({ ref, ...rest }) => ({ ref: ref.replace(/\d+$/, 'n'), ...rest }))).toEqual([
      {
        ref: 'OUT-n',
        title: 'test',
        severity: 'major',
        regions: ['OTH'],
        postcodes: 0,
        startedAt: '2024-05-12T08:00:00Z',
        startedLocal: '2024-05-12 10:00',
        minutes: { ...none, communicate: 31 },
        affectedCustomers: 1,
      },
      {
        ref: 'OUT-n',
        title: 'test',
        severity: 'major',
        regions: ['OTH', 'OUT'],
        postcodes: 1,
        startedAt: '2024-05-11T08:00:00Z',
        startedLocal: '2024-05-11 10:00',
        minutes: { ...none, detect: 10, resolve: 60 },
        // Postcode 99001 in either region, active at the start: one OUT and one OTH customer.
        affectedCustomers: 2,
      },
      {
        ref: 'OUT-n',
        title: 'test',
        severity: 'major',
        regions: ['OUT'],
        postcodes: 0,
        startedAt: '2024-05-10T08:00:00Z',
        startedLocal: '2024-05-10 10:00',
        minutes: { ...none, detect: 5, communicate: 30, sms: 45.5, resolve: 120 },
        affectedCustomers: 2,
      },
    ]);
  });

  it('with a region filter keeps the outages affecting it and counts only its customers', async () => {
    const list = await outageList(t.db, { period, region: 'OUT' });
    expect(list.map((o) => [o.startedLocal, o.affectedCustomers])).toEqual([
      ['2024-05-11 10:00', 1],
      ['2024-05-10 10:00', 2],
    ]);
  });

  it('adds up to the KPI engine count and affectedCustomers', async () => {
    for (const region of [null, 'OUT', 'OTH']) {
      const list = await outageList(t.db, { period, region });
      const kpi = await outageFigures(t.db, { period, region, commTargetMinutes: 30 });
      expect([list.length, list.reduce((s, o) => s + o.affectedCustomers, 0)]).toEqual([
        kpi.count,
        kpi.affectedCustomers,
      ]);
    }
  });
});
