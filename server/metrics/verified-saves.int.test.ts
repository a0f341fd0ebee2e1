import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { testRows } from '@/test/factories/metric-rows';
import { p90HoursToResolve } from './dispute-resolution-p90';
import { computeKpiDocument } from './kpi-document';
import { computeKpis } from './kpis';
import { retentionByRepRegion } from './retention-rep-region';
import { verifiedSaves } from './verified-saves';

const june = { from: '2024-06-01', to: '2024-06-30', tz: 'Europe/Madrid' };
const asOf = new Date('2024-09-10T00:00:00Z');
const all = { region: null, rep: null };

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  await rows.region('NTH');
  await rows.region('STH');
  const ana = await rows.user('ana@t.test', 'rep', 'NTH');
  const bea = await rows.user('bea@t.test', 'rep', 'NTH');
  const customer = (region: string, churned?: string) =>
    rows.customer({ region, activated: '2023-01-01T00:00:00Z', churned });
  const saved = (customerId: number, repId: number, closed: string, offerType: 'discount' | 'none') =>
    rows.retentionCase({ customerId, repId, opened: '2024-05-01T00:00:00Z', outcome: 'saved', closed, offerType });

  // S1: still active at every horizon.
  await saved(await customer('NTH'), ana, '2024-06-01T10:00:00Z', 'discount');
  // S2: churned exactly 30 days after the close (still active at 30), gone at 60 and 90.
  await saved(await customer('NTH', '2024-07-05T10:00:00Z'), ana, '2024-06-05T10:00:00Z', 'none');
  // S3: churned before 30 days; its 90 days end 18 Sep, after asOf: not verifiable at 90.
  await saved(await customer('NTH', '2024-07-15T00:00:00Z'), bea, '2024-06-20T10:00:00Z', 'discount');
  // S4: 30 June 22:00 in Madrid; 90 days end 28 Sep: not verifiable at 90.
  await saved(await customer('NTH'), bea, '2024-06-30T20:00:00Z', 'discount');
  // S7: a southern customer of ana's, active.
  await saved(await customer('STH'), ana, '2024-06-10T10:00:00Z', 'none');
  // Outside June in Madrid: 1 July 02:00 and 31 May 23:30.
  await saved(await customer('NTH'), ana, '2024-07-01T00:00:00Z', 'discount');
  await saved(await customer('NTH'), ana, '2024-05-31T21:30:00Z', 'discount');
  // Lost cases count for the save rate by rep and region, never for verified saves.
  const lost = (customerId: number, repId: number) =>
    rows.retentionCase({
      customerId,
      repId,
      opened: '2024-06-01T00:00:00Z',
      outcome: 'churned',
      closed: '2024-06-12T10:00:00Z',
    });
  await lost(await customer('NTH', '2024-06-12T10:00:00Z'), bea);
  await lost(await customer('STH', '2024-06-12T10:00:00Z'), ana);
  await rows.retentionCase({
    customerId: await customer('NTH'),
    repId: ana,
    opened: '2024-06-03T00:00:00Z',
    outcome: 'pending',
  });

  // Disputes resolved in June after 10, 20, 30, 40 and 50 hours; one resolved in July, one open.
  const d = await customer('NTH');
  for (const [i, hours] of [10, 20, 30, 40, 50].entries()) {
    const opened = new Date(Date.UTC(2024, 5, 2 + i, 8));
    await rows.dispute({
      customerId: d,
      opened: opened.toISOString(),
      status: 'resolved',
      resolved: new Date(opened.getTime() + hours * 3_600_000).toISOString(),
      assignedToId: hours === 50 ? bea : ana,
    });
  }
  await rows.dispute({
    customerId: d,
    opened: '2024-06-28T08:00:00Z',
    status: 'resolved',
    resolved: '2024-07-03T08:00:00Z',
  });
  await rows.dispute({ customerId: d, opened: '2024-06-28T08:00:00Z', status: 'open' });
});
afterAll(async () => {
  await t?.close();
});

const h = (days: 30 | 60 | 90, verifiable: number, verified: number, rate: number | null) => ({
  days,
  verifiable,
  verified,
  rate,
});

describe('verified saves', () => {
  it('counts each horizon among the saves whose horizon had passed at asOf', async () => {
    const v = await verifiedSaves(t.db, { period: june, ...all, asOf });
    expect(v.saved).toBe(5);
    expect(v.horizons).toEqual([h(30, 5, 4, 0.8), h(60, 5, 3, 0.6), h(90, 3, 2, 2 / 3)]);
    expect(v.asOf).toBe('2024-09-10T00:00:00.000Z');
  });

  it('by rep and by offer type', async () => {
    const v = await verifiedSaves(t.db, { period: june, ...all, asOf });
    expect(v.byRep).toEqual([
      { rep: 'ana@t.test', saved: 3, horizons: [h(30, 3, 3, 1), h(60, 3, 2, 2 / 3), h(90, 3, 2, 2 / 3)] },
      { rep: 'bea@t.test', saved: 2, horizons: [h(30, 2, 1, 0.5), h(60, 2, 1, 0.5), h(90, 0, 0, null)] },
    ]);
    expect(v.byOffer).toEqual([
      { offerType: 'discount', saved: 3, horizons: [h(30, 3, 2, 2 / 3), h(60, 3, 2, 2 / 3), h(90, 1, 1, 1)] },
      { offerType: 'none', saved: 2, horizons: [h(30, 2, 2, 1), h(60, 2, 1, 0.5), h(90, 2, 1, 0.5)] },
    ]);
  });

  it('follows the region and rep filters', async () => {
    const north = await verifiedSaves(t.db, { period: june, region: 'NTH', rep: null, asOf });
    expect(north.saved).toBe(4);
    expect(north.horizons).toEqual([h(30, 4, 3, 0.75), h(60, 4, 2, 0.5), h(90, 2, 1, 0.5)]);
    const bea = await verifiedSaves(t.db, { period: june, region: null, rep: 'bea@t.test', asOf });
    expect(bea.horizons).toEqual([h(30, 2, 1, 0.5), h(60, 2, 1, 0.5), h(90, 0, 0, null)]);
  });

  it('is null, not 0, while no save is old enough; the saves still count as saved', async () => {
    const v = await verifiedSaves(t.db, { period: june, ...all, asOf: new Date('2024-06-30T12:00:00Z') });
    expect(v.saved).toBe(5);
    expect(v.horizons).toEqual([h(30, 0, 0, null), h(60, 0, 0, null), h(90, 0, 0, null)]);
  });

  it('a horizon ending exactly at asOf has passed', async () => {
    // S1 closed 1 June 10:00Z: its 30 days end 1 July 10:00Z.
    const v = await verifiedSaves(t.db, { period: june, ...all, asOf: new Date('2024-07-01T10:00:00Z') });
    expect(v.horizons[0]).toEqual(h(30, 1, 1, 1));
  });

  it('is empty without saves', async () => {
    const v = await verifiedSaves(t.db, { period: { ...june, from: '2023-01-01', to: '2023-01-31' }, ...all, asOf });
    expect(v).toMatchObject({ saved: 0, byRep: [], byOffer: [] });
    expect(v.horizons.map((x) => x.rate)).toEqual([null, null, null]);
  });
});

describe('save rate by rep and region', () => {
  it('counts the cases closed in the period per rep and customer region', async () => {
    expect(await retentionByRepRegion(t.db, { period: june, ...all })).toEqual([
      { rep: 'ana@t.test', region: 'NTH', closed: 2, saved: 2, saveRate: 1 },
      { rep: 'ana@t.test', region: 'STH', closed: 2, saved: 1, saveRate: 0.5 },
      { rep: 'bea@t.test', region: 'NTH', closed: 3, saved: 2, saveRate: 2 / 3 },
    ]);
    expect(await retentionByRepRegion(t.db, { period: june, region: 'STH', rep: null })).toEqual([
      { rep: 'ana@t.test', region: 'STH', closed: 2, saved: 1, saveRate: 0.5 },
    ]);
  });
});

describe('p90 hours to resolve', () => {
  it('interpolates like the median: 10, 20, 30, 40, 50 hours give 46.0', async () => {
    expect(await p90HoursToResolve(t.db, { period: june, ...all })).toBe(46);
    // Ana's four: 10, 20, 30, 40 → 0.9 × 3 = 2.7 → 30 + 0.7 × 10 = 37.
    expect(await p90HoursToResolve(t.db, { period: june, region: null, rep: 'ana@t.test' })).toBe(37);
    expect(
      await p90HoursToResolve(t.db, { period: { ...june, from: '2023-06-01', to: '2023-06-30' }, ...all }),
    ).toBeNull();
  });
});

describe('the KPI document', () => {
  it('adds the new fields and leaves every existing one as computeKpis gives it', async () => {
    const settings = { reportTz: 'Europe/Madrid', disputeSlaHours: 72, commTargetMinutes: 30 };
    const query = { from: june.from, to: june.to, ...all, settings };
    const [doc, base] = await Promise.all([computeKpiDocument(t.db, { ...query, asOf }), computeKpis(t.db, query)]);
    expect(doc).toMatchObject(base);
    expect(doc.retention).toMatchObject({
      verifiedSaveRate30: 0.8,
      verifiedSaveRate60: 0.6,
      verifiedSaveRate90: 2 / 3,
    });
    expect(doc.retention.byRepRegion).toHaveLength(3);
    expect(doc.disputes.p90HoursToResolve).toBe(46);
    expect(doc.disputes.medianHoursToResolve).toBe(30);
  });
});
