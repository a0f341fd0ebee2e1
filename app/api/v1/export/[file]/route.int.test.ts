import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, type Db } from '@/db/client';
import { createApiToken } from '@/server/auth/api-tokens';
import { IMPORTERS } from '@/server/import/entities';
import { importFixtureDirectory } from '@/server/import/load-fixture';
import { createTestDb, type TestDb } from '@/test/db';

const state = vi.hoisted((): { db: Db | null } => ({ db: null }));
vi.mock('@/server/db', () => ({ getDb: () => Promise.resolve(state.db), getReadDb: () => Promise.resolve(state.db) }));

const { GET } = await import('./route');

let t: TestDb;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  await importFixtureDirectory(t.db, path.join(process.cwd(), 'server/metrics/fixtures/sample'), 'Europe/Madrid');
  // An install counts as set up once an admin can sign in; until then the API answers 503.
  await t.db.execute(sql`update users set password_hash = 'set' where email = 'admin@holdfast.test'`);
  const users = await queryRows<{ id: number; email: string }>(t.db, sql`select id, email from users`);
  for (const u of users) tokens[u.email.split('@')[0] ?? ''] = (await createApiToken(t.db, u.id, 'test')).token;
});
afterAll(async () => {
  await t?.close();
});

function get(file: string, query: string, as: string | null) {
  const headers = as === null ? undefined : { Authorization: `Bearer ${tokens[as] ?? 'hf_unknown'}` };
  return GET(new Request(`http://localhost/api/v1/export/${file}?${query}`, { headers }), {
    params: Promise.resolve({ file }),
  });
}

const Q1 = 'from=2024-01-01&to=2024-03-31';

describe('GET /api/v1/export/<dataset>.<format>', () => {
  it('streams a CSV named after the dataset and filters, for a Bearer token', async () => {
    const response = await get('disputes.csv', `${Q1}&region=MAD`, 'analyst');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="disputes_2024-01-01_2024-03-31_region-MAD.csv"',
    );
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const lines = bytes.subarray(3).toString('utf8').split('\r\n').slice(0, -1);
    expect(lines[0]).toBe(IMPORTERS.disputes.columns.map((c) => c.name).join(','));
    const [expected] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from disputes d join customers c on c.id = d.customer_id
        where c.region_code = 'MAD' and d.opened_at >= '2024-01-01T00:00:00+01:00' and d.opened_at < '2024-04-01T00:00:00+02:00'`,
    );
    expect(lines.length - 1).toBe(expected?.n);
  });

  it('streams an XLSX workbook', async () => {
    const response = await get('outages.xlsx', Q1, 'manager');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="outages_2024-01-01_2024-03-31.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const header = (workbook.worksheets[0]?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(IMPORTERS.outages.columns.map((c) => c.name));
  });

  it('answers 403 to a rep, and to a regional manager asking for another region', async () => {
    const rep = await get('disputes.csv', Q1, 'rep.mad.billing');
    expect(rep.status).toBe(403);
    expect(await rep.json()).toMatchObject({ error: { code: 'forbidden' } });
    const manager = await get('disputes.csv', `${Q1}&region=CAT`, 'manager.mad');
    expect(manager.status).toBe(403);
    expect(await manager.json()).toEqual({
      error: { code: 'forbidden', message: 'You can only see figures for your region (MAD).' },
    });
  });

  it.each([
    ['users.csv', Q1, 404, /Unknown dataset "users"/],
    ['disputes.pdf', Q1, 404, /Unknown format "pdf"/],
    ['disputes.csv', 'from=2024-02-30&to=2024-03-01', 400, /from must be a calendar date/],
    ['disputes.csv', 'to=2024-03-01', 400, /from is required/],
    ['disputes.csv', `${Q1}&region=ZZZ`, 400, /Unknown region "ZZZ"/],
  ])('answers %s?%s with %i', async (file, query, status, message) => {
    const response = await get(file, query, 'admin');
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { message: expect.stringMatching(message) as unknown } });
  });

  it('answers 401 to an unknown token', async () => {
    const response = await get('disputes.csv', Q1, 'nobody');
    expect(response.status).toBe(401);
  });
});
