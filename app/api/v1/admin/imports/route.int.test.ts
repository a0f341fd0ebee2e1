import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, type Db } from '@/db/client';
import type { ImportStreamEvent } from '@/lib/schemas/admin-imports';
import { createApiToken } from '@/server/auth/api-tokens';
import { CUSTOMER_HEADER, seedBase } from '@/server/import/test-support';
import { testRows } from '@/server/metrics/test-rows';
import { createTestDb, type TestDb } from '@/test/db';

// The real requireApiUser, authenticating personal API tokens against the test database.
const state = vi.hoisted((): { db: Db | null } => ({ db: null }));
vi.mock('@/server/db', () => ({ getDb: () => Promise.resolve(state.db) }));
vi.mock('@/server/auth/session', () => ({ getSessionUser: () => Promise.resolve(null) }));

const { POST } = await import('./route');
const { GET } = await import('./[id]/rejects/route');

let t: TestDb;
let adminToken = '';
let managerToken = '';
beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  await seedBase(t.db);
  const [admin] = await queryRows<{ id: number }>(t.db, sql`select id from users where email = 'admin@holdfast.test'`);
  adminToken = (await createApiToken(t.db, Number(admin?.id), 'imports')).token;
  const managerId = await testRows(t.db).user('manager@holdfast.test', 'manager');
  managerToken = (await createApiToken(t.db, managerId, 'imports')).token;
});
afterAll(async () => {
  await t?.close();
});

const auth = (token: string | null): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {});

async function upload(query: string, body: string, token: string | null = adminToken) {
  const request = new Request(`http://localhost/api/v1/admin/imports?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', ...auth(token) },
    body,
  });
  const response = await POST(request);
  const text = await response.text();
  const events =
    response.headers.get('content-type')?.startsWith('application/x-ndjson') === true
      ? text
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as ImportStreamEvent)
      : [];
  return { status: response.status, text, events, last: events.at(-1) };
}

async function rejects(id: string | number, token: string | null = adminToken) {
  const request = new Request(`http://localhost/api/v1/admin/imports/${id}/rejects`, { headers: auth(token) });
  return GET(request, { params: Promise.resolve({ id: String(id) }) });
}

const runCount = async () =>
  Number((await queryRows<{ n: unknown }>(t.db, sql`select count(*) as n from import_runs`))[0]?.n);

const MIXED = [CUSTOMER_HEADER, 'ACC-9,MAD,2024-01-01,10.00,,,,', 'ACC-10,XXX,2024-01-01,10.00,,,,', ''].join('\n');

describe('POST /api/v1/admin/imports', () => {
  it('answers 401 without credentials and 403 for a non-admin, recording no run', async () => {
    expect((await upload('entity=customers', MIXED, null)).status).toBe(401);
    const forbidden = await upload('entity=customers', MIXED, managerToken);
    expect(forbidden.status).toBe(403);
    expect(JSON.parse(forbidden.text)).toMatchObject({ error: { code: 'forbidden' } });
    expect((await rejects(1, managerToken)).status).toBe(403);
    expect(await runCount()).toBe(0);
  });

  it('answers 400 for an unknown entity or a form upload', async () => {
    const unknown = await upload('entity=invoices', 'a\n');
    expect(unknown.status).toBe(400);
    expect(unknown.text).toMatch(/Unknown entity \\"invoices\\"/);
    const request = new Request('http://localhost/api/v1/admin/imports?entity=regions', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', ...auth(adminToken) },
      body: '--x--',
    });
    expect((await POST(request)).status).toBe(400);
  });

  it('streams the run id, then the report of an all-or-nothing import that wrote nothing', async () => {
    const { status, events, last } = await upload('entity=customers&fileName=C%3A%5Cdata%5Cnew.csv', MIXED);
    expect(status).toBe(200);
    expect(events[0]).toMatchObject({ type: 'started' });
    expect(last).toMatchObject({
      type: 'done',
      status: 'rejected',
      hasRejects: false,
      report: { committed: false, rowsRead: 2, rowsWritten: 0, invalidRows: 1 },
    });
    const [run] = await queryRows<{ status: string; file_name: string; rows_rejected: number }>(
      t.db,
      sql`select status, file_name, rows_rejected from import_runs where id = ${events[0]?.runId ?? 0}`,
    );
    expect(run).toEqual({ status: 'rejected', file_name: 'new.csv', rows_rejected: 2 });
    expect((await rejects(events[0]?.runId ?? 0)).status).toBe(404);
  });

  it('writes the valid rows under skipInvalid and serves the rejects CSV', async () => {
    const { last } = await upload('entity=customers&skipInvalid=true&fileName=new.csv', MIXED);
    expect(last).toMatchObject({ type: 'done', status: 'committed', hasRejects: true, report: { rowsWritten: 1 } });
    const response = await rejects(last?.runId ?? 0);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="new-rejects-${last?.runId}.csv"`);
    expect(await response.text()).toBe(
      `${CUSTOMER_HEADER},reason\nACC-10,XXX,2024-01-01,10.00,,,,,region_code: unknown region (import regions first)\n`,
    );
    expect((await rejects('999')).status).toBe(404);
    expect((await rejects('abc')).status).toBe(404);
  });

  it('streams progress lines during a large import', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `ROUTE-${i},MAD,2024-01-01,5.00,,,,`);
    const { events, last } = await upload('entity=customers', [CUSTOMER_HEADER, ...rows, ''].join('\n'));
    const progress = events.flatMap((e) => (e.type === 'progress' ? [e.rowsRead] : []));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toBe(10_000);
    expect(last).toMatchObject({ type: 'done', status: 'committed', report: { rowsWritten: 10_000 } });
  });
});
