import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, type Db } from '@/db/client';
import type { ImportStreamEvent } from '@/lib/schemas/admin-imports';
import { createApiToken } from '@/server/auth/api-tokens';
import { CUSTOMER_HEADER, seedBase } from '@/test/import-run';
import { testRows } from '@/test/factories/metric-rows';
import { putSetting } from '@/server/services/settings';
import { createTestDb, type TestDb } from '@/test/db';

// The real requireApiUser, authenticating personal API tokens against the test database.
const state = vi.hoisted((): { db: Db | null } => ({ db: null }));
vi.mock('@/server/db', () => ({ getDb: () => Promise.resolve(state.db), getReadDb: () => Promise.resolve(state.db) }));
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
  // An install counts as set up once an admin can sign in.
  await t.db.execute(sql`update users set password_hash = 'set' where email = 'admin@holdfast.test'`);
  const [admin] = await queryRows<{ id: number }>(t.db, sql`select id from users where email = 'admin@holdfast.test'`);
  adminToken = (await createApiToken(t.db, Number(admin?.id), 'imports')).token;
  const managerId = await testRows(t.db).user('manager@holdfast.test', 'manager');
  managerToken = (await createApiToken(t.db, managerId, 'imports')).token;
});
afterAll(async () => {
  await t?.close();
});

const auth = (token: string | null): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {});

async function upload(
  query: string,
  body: BodyInit,
  token: string | null = adminToken,
  headers: Record<string, string> = {},
) {
  const request = new Request(`http://localhost/api/v1/admin/imports?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', ...auth(token), ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
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

  it('takes a personal API token from anywhere, and refuses a cross-site request on the cookie', async () => {
    const fromAnywhere = await upload('entity=regions', 'code,name\nVAL,Valencia\n', adminToken, {
      'Sec-Fetch-Site': 'cross-site',
      Origin: 'https://elsewhere.example',
    });
    expect(fromAnywhere.last).toMatchObject({ type: 'done', status: 'committed', report: { rowsWritten: 1 } });

    const runs = await runCount();
    const forged = await upload('entity=regions', 'code,name\nEVL,Evil\n', null, {
      'Sec-Fetch-Site': 'cross-site',
      Cookie: 'next-auth.session-token=stolen-ride',
    });
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.text)).toMatchObject({ error: { code: 'forbidden' } });
    expect(await runCount()).toBe(runs);
    const [evil] = await queryRows<{ n: unknown }>(t.db, sql`select count(*) as n from regions where code = 'EVL'`);
    expect(Number(evil?.n)).toBe(0);
  });

  it('ends with a too_large error event when the body outgrows maxUploadBytes while streaming', async () => {
    await putSetting(t.db, 'maxUploadBytes', 2000);
    try {
      const rows = Array.from({ length: 200 }, (_, i) => `BIG-${i},MAD,2024-01-01,5.00,,,,`);
      const csv = [CUSTOMER_HEADER, ...rows, ''].join('\n');
      const declared = await upload('entity=customers', csv, adminToken, { 'Content-Length': String(csv.length) });
      expect(declared.status).toBe(413);
      expect(JSON.parse(declared.text)).toMatchObject({ error: { code: 'too_large' } });

      const encoder = new TextEncoder();
      let i = 0;
      const chunked = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (i < csv.length) controller.enqueue(encoder.encode(csv.slice(i, (i += 500))));
          else controller.close();
        },
      });
      const { last } = await upload('entity=customers', chunked);
      expect(last).toMatchObject({
        type: 'error',
        error: {
          code: 'too_large',
          message: 'The CSV file is larger than the 2000 bytes this server accepts. Nothing was written.',
        },
      });
      const [big] = await queryRows<{ n: unknown }>(
        t.db,
        sql`select count(*) as n from customers where account_number like 'BIG-%'`,
      );
      expect(Number(big?.n)).toBe(0);
    } finally {
      await putSetting(t.db, 'maxUploadBytes', 104_857_600);
    }
  });

  it('formula-guards the rejects CSV, which a spreadsheet will open', async () => {
    const csv = [
      'account_number,region_code,activated_at,monthly_fee,name',
      'GRD-1,XXX,2024-01-01,10.00,"=HYPERLINK(""http://evil.test"",""x"")"',
      'GRD-2,XXX,2024-01-01,10.00,@SUM(1)',
      "GRD-3,XXX,2024-01-01,10.00,'=already guarded",
      'GRD-4,MAD,2024-01-01,10.00,Fine',
      '',
    ].join('\n');
    const { last } = await upload('entity=customers&skipInvalid=true', csv);
    expect(last).toMatchObject({ type: 'done', status: 'committed', hasRejects: true });
    const text = await (await rejects(last?.runId ?? 0)).text();
    const names = parse<Record<string, string>>(text, { columns: true }).map((r) => r.name);
    // A guard the file already had is kept once, so the rejects import back as the original would.
    expect(names).toEqual(['\'=HYPERLINK("http://evil.test","x")', "'@SUM(1)", "'=already guarded"]);
    expect(text).not.toMatch(/(^|,)[=@]/m);
  });
});
