import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { cohortRetention } from './cohorts';
import { testRows } from '@/test/factories/metric-rows';

const TZ = 'Europe/Madrid';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  await rows.region('MAD');
  await rows.region('CAT');
  // January 2024 cohort (local time): 2023-12-31T23:30Z is already January 1st in Madrid.
  await rows.customer({ region: 'MAD', activated: '2023-12-31T23:30:00Z' });
  await rows.customer({ region: 'MAD', activated: '2024-01-10T10:00:00Z', churned: '2024-02-15T10:00:00Z' });
  // Churned exactly at local midnight of March 1st: still active at that instant.
  await rows.customer({ region: 'MAD', activated: '2024-01-20T10:00:00Z', churned: '2024-02-29T23:00:00Z' });
  await rows.customer({ region: 'MAD', activated: '2024-01-31T22:59:59Z', churned: '2024-03-20T10:00:00Z' });
  await rows.customer({ region: 'CAT', activated: '2024-01-15T10:00:00Z' });
  // Not January: February 1st in Madrid.
  await rows.customer({ region: 'MAD', activated: '2024-01-31T23:00:00Z' });
  // The latest event in the data: shares after it are unknown.
  await rows.customer({ region: 'CAT', activated: '2024-06-10T10:00:00Z' });
});
afterAll(async () => {
  await t?.close();
});

describe('cohort retention', () => {
  it('gives the share of each activation month still active at the start of later months', async () => {
    const [january, february, march] = await cohortRetention(t.db, {
      fromMonth: '2024-01',
      toMonth: '2024-03',
      region: 'MAD',
      tz: TZ,
      asOf: new Date('2024-12-01T00:00:00Z'),
    });
    expect(january?.cohort).toBe('2024-01');
    expect(january?.size).toBe(4);
    // Feb 1: all 4; Mar 1: 3 (one churned Feb 15; the one churned exactly then still counts); Apr..Jun 1: 1; after Jun 10: unknown.
    expect(january?.retention).toEqual([1, 3 / 4, 1 / 4, 1 / 4, 1 / 4, null, null, null, null, null, null, null]);
    expect(february).toEqual({
      cohort: '2024-02',
      size: 1,
      retention: [1, 1, 1, 1, null, null, null, null, null, null, null, null],
    });
    expect(march).toEqual({ cohort: '2024-03', size: 0, retention: Array(12).fill(null) });
  });

  it('leaves future months null and counts every region without a filter', async () => {
    const [january] = await cohortRetention(t.db, {
      fromMonth: '2024-01',
      toMonth: '2024-01',
      region: null,
      tz: TZ,
      asOf: new Date('2024-03-15T00:00:00Z'),
    });
    expect(january).toEqual({
      cohort: '2024-01',
      size: 5,
      retention: [1, 4 / 5, null, null, null, null, null, null, null, null, null, null],
    });
  });
});
