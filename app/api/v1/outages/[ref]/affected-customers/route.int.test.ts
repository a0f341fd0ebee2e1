import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { Role } from '@/lib/vocabularies';
import type { SessionUser } from '@/server/auth/session-user';
import { testRows } from '@/test/factories/metric-rows';
import { outageWorld } from '@/test/factories/outage-world';
import { createTestDb, type TestDb } from '@/test/db';

const state = vi.hoisted((): { user: SessionUser | null; db: Db | null } => ({ user: null, db: null }));

vi.mock('@/server/auth/api-auth', async () => {
  const { ApiError } = await import('@/server/http/api-error');
  return {
    requireApiUser: (_request: Request, ...roles: Role[]) => {
      if (!state.user) return Promise.reject(new ApiError('unauthorized', 'Sign in.'));
      if (roles.length > 0 && !roles.includes(state.user.role)) return Promise.reject(new ApiError('forbidden', 'No.'));
      return Promise.resolve(state.user);
    },
  };
});
vi.mock('@/server/db', () => ({ getDb: () => Promise.resolve(state.db), getReadDb: () => Promise.resolve(state.db) }));

const { GET } = await import('./route');

async function get(ref: string, query = '') {
  const response = await GET(new Request(`http://localhost/api/v1/outages/${ref}/affected-customers${query}`), {
    params: Promise.resolve({ ref }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

let t: TestDb;
let world: Awaited<ReturnType<typeof outageWorld>>;
beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  world = await outageWorld(t.db);
  await world.customer({ region: 'MAD', postcode: '28001', account: 'M-1', fee: 7200 });
  await world.customer({ region: 'MAD', postcode: '28002', account: 'M-2', fee: 7200 });
  await world.customer({ region: 'VAL', postcode: '46001', account: 'V-1', fee: 14400 });
  await world.customer({ region: 'MAD', postcode: null, account: 'M-3', fee: 0 });
  await testRows(t.db).outage({
    started: '2026-03-10T10:00:00Z',
    resolved: '2026-03-10T11:00:00Z',
    regions: ['MAD', 'VAL'],
  });
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/outages/<ref>/affected-customers', () => {
  it('streams the affected customers as CSV for the SMS provider', async () => {
    state.user = world.people.manager;
    const res = await get('OUT-1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="OUT-1-affected-customers.csv"');
    expect(res.text).toBe(
      'account_number,postcode,region_code\nM-1,28001,MAD\nM-2,28002,MAD\nV-1,46001,VAL\nM-3,,MAD\n',
    );
  });

  it('lists only those still owed, with the amount, on ?status=owed', async () => {
    state.user = world.people.manager;
    const res = await get('OUT-1', '?status=owed');
    // 1 h: 7200 / 720 = 10 cents, 14400 / 720 = 20; the customer paying nothing is owed nothing.
    expect(res.text).toBe(
      'account_number,postcode,region_code,owed_cents\nM-1,28001,MAD,10\nM-2,28002,MAD,10\nV-1,46001,VAL,20\n',
    );
    expect((await get('OUT-1', '?status=maybe')).status).toBe(400);
  });

  it('gives a regional manager their region’s customers only', async () => {
    state.user = world.people.valManager;
    expect((await get('OUT-1')).text).toBe('account_number,postcode,region_code\nV-1,46001,VAL\n');
  });

  it('answers 404 for an unknown outage, 403 for an analyst, 401 without a user', async () => {
    state.user = world.people.manager;
    const missing = await get('OUT-404');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toEqual({
      error: { code: 'not_found', message: 'Outage OUT-404 was not found.' },
    });
    state.user = world.people.analyst;
    expect((await get('OUT-1')).status).toBe(403);
    state.user = null;
    expect((await get('OUT-1')).status).toBe(401);
  });

  it('formula-guards what a spreadsheet could run, as every CSV the app writes', async () => {
    await world.customer({
      region: 'MAD',
      postcode: '@SUM(1)',
      account: '=HYPERLINK("http://evil.test","x")',
      fee: 7200,
    });
    state.user = world.people.manager;
    const res = await get('OUT-1');
    expect(res.status).toBe(200);
    expect(res.text.split('\n').at(-2)).toBe(`"'=HYPERLINK(""http://evil.test"",""x"")",'@SUM(1),MAD`);
    expect((await get('OUT-1', '?status=owed')).text).toContain(
      `"'=HYPERLINK(""http://evil.test"",""x"")",'@SUM(1),MAD,10\n`,
    );
  });
});
