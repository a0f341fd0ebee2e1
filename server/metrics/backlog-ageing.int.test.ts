import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { areaTestRows } from '@/test/factories/area-page-rows';
import { backlogAgeing } from './backlog-ageing';
import { disputeFigures } from './disputes';
import { testRows } from '@/test/factories/metric-rows';

// The period 2024-06-10 in Madrid (UTC+2) ends at 2024-06-10T22:00:00Z.
const period = { from: '2024-06-01', to: '2024-06-10', tz: 'Europe/Madrid' };
const END = Date.parse('2024-06-10T22:00:00Z');
const HOUR = 3_600_000;
const before = (ms: number) => new Date(END - ms).toISOString();

let t: TestDb;
let repId = 0;
beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  const area = areaTestRows(t.db);
  await rows.region('AGE');
  await rows.region('OTH');
  repId = await rows.user('ager@t.test', 'rep', 'AGE');
  const customerId = await area.customer({ region: 'AGE' });
  const other = await area.customer({ region: 'OTH' });
  const open = (opened: string, extra: { resolved?: string; assignedToId?: number } = {}) =>
    area.dispute({ customerId, opened, ...extra });

  await open(before(1000)); // 0-24h
  await open(before(24 * HOUR - 1000)); // 0-24h, one second short of a day
  await open(before(24 * HOUR), { assignedToId: repId }); // 24-72h, exactly a day
  await open(before(72 * HOUR - 1000)); // 24-72h
  await open(before(72 * HOUR), { assignedToId: repId }); // 3-7d, exactly three days
  await open(before(168 * HOUR - 1000)); // 3-7d
  await open(before(168 * HOUR)); // 7d+, exactly seven days
  await open(before(400 * HOUR), { assignedToId: repId }); // 7d+
  // Resolved exactly at the end instant: still open at the end, 10 h old.
  await open(before(10 * HOUR), { resolved: new Date(END).toISOString() });
  // Not in the backlog: resolved before the end, opened at the end.
  await open(before(30 * HOUR), { resolved: before(1000) });
  await open(new Date(END).toISOString());
  await area.dispute({ customerId: other, opened: before(2 * HOUR) });
});
afterAll(async () => {
  await t?.close();
});

describe('backlog ageing', () => {
  it('buckets the backlog by age at the end instant, each lower bound inclusive', async () => {
    const ageing = await backlogAgeing(t.db, { period, region: 'AGE', rep: null });
    expect(ageing).toEqual([
      { bucket: '0-24h', label: '0–24 h', count: 3 },
      { bucket: '24-72h', label: '24–72 h', count: 2 },
      { bucket: '3-7d', label: '3–7 days', count: 2 },
      { bucket: '7d+', label: 'over 7 days', count: 2 },
    ]);
  });

  it('adds up to the KPI engine backlogAtEnd, with and without filters', async () => {
    for (const filters of [
      { region: null, rep: null },
      { region: 'AGE', rep: null },
      { region: 'OTH', rep: null },
      { region: null, rep: 'ager@t.test' },
    ]) {
      const ageing = await backlogAgeing(t.db, { period, ...filters });
      const kpi = await disputeFigures(t.db, { period, ...filters, disputeSlaHours: 72 });
      expect(ageing.reduce((sum, b) => sum + b.count, 0)).toBe(kpi.backlogAtEnd);
    }
  });

  it('narrows to the assigned rep', async () => {
    const ageing = await backlogAgeing(t.db, { period, region: null, rep: 'ager@t.test' });
    expect(ageing.map((b) => b.count)).toEqual([0, 1, 1, 1]);
  });
});
