import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { users } from '@/db/schema';
import type { Db } from '@/db/client';
import { createApiToken } from '@/server/auth/api-tokens';
import type { SessionUser } from '@/server/auth/session-user';
import { testRows } from '@/test/factories/metric-rows';
import { createTestDb, type TestDb } from '@/test/db';

const state = vi.hoisted((): { user: SessionUser | null; db: Db | null } => ({ user: null, db: null }));

// The real requireApiUser: the browser session (mocked) or a personal API token checked against the test database.
vi.mock('@/server/auth/session', () => ({ getSessionUser: () => Promise.resolve(state.user) }));
vi.mock('@/server/db', () => ({ getDb: () => Promise.resolve(state.db), getReadDb: () => Promise.resolve(state.db) }));

const { GET } = await import('./route');

const asUser = (role: SessionUser['role'], email: string, regionCode: string | null = null): SessionUser => ({
  id: 1,
  email,
  name: email,
  role,
  regionCode,
});

async function get(query: string, token?: string) {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const response = await GET(new Request(`http://localhost/api/v1/kpis?${query}`, { headers }));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

let t: TestDb;
let anaId = 0;
beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  const rows = testRows(t.db);
  await rows.region('MAD');
  await rows.region('CAT');
  // An admin with a password: the install is set up, so the API answers instead of 503.
  const adminId = await rows.user('root@t.test', 'admin');
  await t.db.update(users).set({ passwordHash: 'not-a-real-hash' }).where(eq(users.id, adminId));
  anaId = await rows.user('ana@t.test', 'rep', 'MAD');
  await rows.user('bea@t.test', 'rep', 'CAT');
  await rows.customer({ region: 'MAD', activated: '2023-01-01T00:00:00Z' });
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/kpis', () => {
  it('answers 401 without a session', async () => {
    state.user = null;
    expect((await get('from=2024-01-01&to=2024-01-31')).status).toBe(401);
  });

  it('returns the figures with the effective filters', async () => {
    state.user = asUser('analyst', 'numbers@t.test');
    const { status, body } = await get('from=2024-01-01&to=2024-01-31&region=MAD');
    expect(status).toBe(200);
    expect(body.period).toEqual({ from: '2024-01-01', to: '2024-01-31', timezone: 'Europe/Madrid' });
    expect(body.filters).toEqual({ region: 'MAD', rep: null });
    expect(body.churn).toMatchObject({ activeAtStart: 1, churned: 0, churnRate: 0 });
    expect(Object.keys(body)).toEqual([
      'period',
      'filters',
      'churn',
      'retention',
      'disputes',
      'outages',
      'compensation',
    ]);
  });

  it.each([
    ['from=2024-02-30&to=2024-03-01', /from must be a calendar date/],
    ['from=2024-03-02&to=2024-03-01', /from must be on or before to/],
    ['to=2024-03-01', /from is required/],
    ['from=2024-01-01&to=2024-01-31&region=ZZZ', /Unknown region "ZZZ"/],
    ['from=2024-01-01&to=2024-01-31&rep=ghost@t.test', /Unknown rep/],
  ])('answers 400 for %s', async (query, message) => {
    state.user = asUser('admin', 'admin@t.test');
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(message) as unknown } });
  });

  it('refuses a rep like the dashboard does, and forbids a regional manager another region', async () => {
    state.user = asUser('rep', 'ana@t.test', 'MAD');
    for (const query of ['', '&rep=ana@t.test', '&region=MAD&rep=ana@t.test', '&region=CAT']) {
      const { status, body } = await get(`from=2024-01-01&to=2024-01-31${query}`);
      expect(status).toBe(403);
      expect(body).toMatchObject({ error: { code: 'forbidden' } });
      expect(body).not.toHaveProperty('churn');
    }
    state.user = asUser('manager', 'boss.mad@t.test', 'MAD');
    const { status, body } = await get('from=2024-01-01&to=2024-01-31&region=CAT');
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: { code: 'forbidden' } });
    expect((await get('from=2024-01-01&to=2024-01-31')).body.filters).toEqual({ region: 'MAD', rep: null });
  });

  it("refuses a rep's personal API token: no region's or company's churn and outage figures", async () => {
    state.user = null;
    const { token } = await createApiToken(t.db, anaId, 'probe');
    for (const query of ['', '&region=CAT', '&rep=bea@t.test', '&rep=ana@t.test']) {
      const { status, body } = await get(`from=2024-01-01&to=2024-01-31${query}`, token);
      expect(status).toBe(403);
      expect(body).toEqual({ error: { code: 'forbidden', message: expect.any(String) as unknown } });
    }
    expect((await get('from=2024-01-01&to=2024-01-31', 'hf_not-a-token')).status).toBe(401);
  });
});
