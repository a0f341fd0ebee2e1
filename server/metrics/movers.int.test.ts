import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { biggestMovers } from './movers';
import { testRows } from '@/test/factories/metric-rows';

let t: TestDb;
const tz = 'Europe/Madrid';
const current = { from: '2024-02-01', to: '2024-02-29', tz };
const previous = { from: '2024-01-03', to: '2024-01-31', tz };

beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  await rows.region('MAD');
  await rows.region('CAT');
  // MAD: 20 customers active before both periods; 2 churn in the previous period, 6 in the current one.
  for (let i = 0; i < 20; i++) {
    const churned = i < 2 ? '2024-01-15T10:00:00Z' : i < 8 ? '2024-02-10T10:00:00Z' : undefined;
    await rows.customer({ region: 'MAD', activated: '2023-06-01T10:00:00Z', churned });
  }
  // CAT: 12 customers, 1 churn in each period: rate moves from 1/12 to 1/11.
  for (let i = 0; i < 12; i++) {
    const churned = i === 0 ? '2024-01-20T10:00:00Z' : i === 1 ? '2024-02-20T10:00:00Z' : undefined;
    await rows.customer({ region: 'CAT', activated: '2023-06-01T10:00:00Z', churned });
  }
  // Three customers in a tiny region: a big relative move on a base too small to list.
  await rows.region('GAL');
  for (let i = 0; i < 3; i++) {
    await rows.customer({ region: 'GAL', activated: '2023-06-01T10:00:00Z', churned: i === 0 ? '2024-01-10T10:00:00Z' : undefined });
  }
});
afterAll(async () => {
  await t.close();
});

describe('biggestMovers', () => {
  it('ranks regions by the relative change of their churn rate', async () => {
    const movers = await biggestMovers(t.db, { current, previous, region: null, rep: null });
    const churn = movers.filter((m) => m.metric === 'churnRate');
    expect(churn.map((m) => m.key)).toEqual(['MAD', 'CAT']);
    const [mad, cat] = churn;
    expect(mad?.previous).toBeCloseTo(2 / 20, 12);
    expect(mad?.current).toBeCloseTo(6 / 18, 12);
    expect(mad?.change).toBeCloseTo(6 / 18 / (2 / 20) - 1, 12);
    expect(cat?.change).toBeCloseTo(1 / 11 / (1 / 12) - 1, 12);
  });

  it('leaves out bases smaller than the minimum', async () => {
    const movers = await biggestMovers(t.db, { current, previous, region: null, rep: null });
    expect(movers.some((m) => m.key === 'GAL')).toBe(false);
    const withSmallBases = await biggestMovers(t.db, { current, previous, region: null, rep: null, minimumBase: 1 });
    expect(withSmallBases.find((m) => m.key === 'GAL')).toMatchObject({ metric: 'churnRate', current: 0, change: -1 });
  });

  it('honours the region filter', async () => {
    const movers = await biggestMovers(t.db, { current, previous, region: 'CAT', rep: null });
    expect(movers.map((m) => m.key)).toEqual(['CAT']);
  });
});
