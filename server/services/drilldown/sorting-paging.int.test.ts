import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_SORTS, CASES_PAGE_SIZE, SORT_DIRECTIONS } from '@/lib/schemas/cases';
import { ApiError } from '@/server/http/api-error';
import { importFixtureDirectory } from '@/server/import/load-fixture';
import { createTestDb, type TestDb } from '@/test/db';
import { listChurnedCustomers } from './churned-customers';
import { listCompensations } from './compensations';
import { listDisputes } from './disputes';
import { listRetentionCases } from './retention-cases';

const FIXTURE_DIR = path.join(import.meta.dirname, '..', '..', 'metrics', 'fixtures', 'sample');
const REPORT_TZ = 'Europe/Madrid';
const base = { period: { from: '2024-01-01', to: '2024-03-31', tz: REPORT_TZ }, region: null, rep: null };

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await importFixtureDirectory(t.db, FIXTURE_DIR, REPORT_TZ);
});
afterAll(async () => {
  await t?.close();
});

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof ApiError ? error.code : String(error)),
  );

describe('paging', () => {
  it('serves 50 rows a page, each page starting where the previous one ended', async () => {
    const whole = await listDisputes(t.db, { ...base, sort: 'status', pageSize: 1000 });
    expect(whole.total).toBe(110);
    const pages = await Promise.all([1, 2, 3, 4].map((page) => listDisputes(t.db, { ...base, sort: 'status', page })));
    expect(pages.map((p) => p.rows.length)).toEqual([CASES_PAGE_SIZE, CASES_PAGE_SIZE, 10, 0]);
    expect(pages.every((p) => p.total === 110)).toBe(true);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(whole.rows.map((r) => r.id));
  });

  it('breaks ties on id, so equal values keep one order', async () => {
    const { rows } = await listDisputes(t.db, { ...base, sort: 'status', dir: 'desc', pageSize: 1000 });
    for (let i = 1; i < rows.length; i++) {
      const [before, after] = [rows[i - 1], rows[i]];
      if (!before || !after) continue;
      expect(before.status >= after.status).toBe(true);
      if (before.status === after.status) expect(before.id).toBeLessThan(after.id);
    }
  });

  it('sorts amounts both ways and puts missing values last', async () => {
    const up = await listDisputes(t.db, { ...base, sort: 'amount', dir: 'asc', pageSize: 1000 });
    const amounts = up.rows.map((r) => r.amountCents);
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
    for (const dir of SORT_DIRECTIONS) {
      const { rows } = await listDisputes(t.db, { ...base, sort: 'resolved', dir, pageSize: 1000 });
      const firstMissing = rows.findIndex((r) => r.resolvedAt === null);
      expect(firstMissing).toBeGreaterThan(0);
      expect(rows.slice(firstMissing).every((r) => r.resolvedAt === null)).toBe(true);
    }
  });

  it('defaults to the newest first, and the backlog to the oldest first', async () => {
    const opened = (await listDisputes(t.db, base)).rows.map((r) => r.openedAt.getTime());
    expect(opened).toEqual([...opened].sort((a, b) => b - a));
    const backlog = (await listDisputes(t.db, { ...base, basis: 'backlog' })).rows.map((r) => r.openedAt.getTime());
    expect(backlog).toEqual([...backlog].sort((a, b) => a - b));
  });
});

describe('sort whitelist', () => {
  it('sorts every list by every offered key, both ways, without changing the total', async () => {
    const lists = {
      disputes: (sort: string, dir: 'asc' | 'desc') => listDisputes(t.db, { ...base, sort: sort as never, dir }),
      'retention-cases': (sort: string, dir: 'asc' | 'desc') =>
        listRetentionCases(t.db, { ...base, sort: sort as never, dir }),
      'churned-customers': (sort: string, dir: 'asc' | 'desc') =>
        listChurnedCustomers(t.db, { ...base, sort: sort as never, dir }),
      compensations: (sort: string, dir: 'asc' | 'desc') =>
        listCompensations(t.db, { ...base, sort: sort as never, dir }),
    };
    for (const [dataset, list] of Object.entries(lists)) {
      const totals = new Set<number>();
      for (const sort of CASE_SORTS[dataset as keyof typeof lists]) {
        for (const dir of SORT_DIRECTIONS) totals.add((await list(sort, dir)).total);
      }
      expect(totals.size, dataset).toBe(1);
    }
  });

  it('refuses any other key before it reaches the SQL', async () => {
    for (const sort of ['d.id; drop table users', '__proto__', 'toString', 'id', 'opened_at']) {
      expect(await rejection(listDisputes(t.db, { ...base, sort: sort as never })), sort).toBe('bad_request');
      expect(await rejection(listCompensations(t.db, { ...base, sort: sort as never })), sort).toBe('bad_request');
    }
    expect(await rejection(listDisputes(t.db, { ...base, basis: 'backlog', age: '1y' as never }))).toBe('bad_request');
  });
});
