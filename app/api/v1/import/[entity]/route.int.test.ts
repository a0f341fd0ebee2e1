import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, type Db } from '@/db/client';
import type { ImportReport } from '@/lib/schemas/import';
import type { Role } from '@/lib/vocabularies';
import type { SessionUser } from '@/server/auth/session-user';
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
vi.mock('@/server/db', () => ({ getDb: () => Promise.resolve(state.db) }));

const { POST } = await import('./route');

async function post(entity: string, body: string, query = '') {
  const request = new Request(`http://localhost/api/v1/import/${entity}${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body,
  });
  const response = await POST(request, { params: Promise.resolve({ entity }) });
  return {
    status: response.status,
    body: (await response.json()) as ImportReport & { error?: { code: string; message: string } },
  };
}

let t: TestDb;
let adminId = 0;
beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  const rows = await queryRows<{ id: number }>(
    t.db,
    sql`insert into users (email, name, role) values ('admin@t.test', 'Ada', 'admin') returning id`,
  );
  adminId = Number(rows[0]?.id);
});
afterAll(async () => {
  await t?.close();
});

const asRole = (role: Role): SessionUser => ({
  id: adminId,
  email: `${role}@t.test`,
  name: role,
  role,
  regionCode: null,
});

describe('POST /api/v1/import/<entity>', () => {
  it('answers 401 without a session and 403 for a non-admin', async () => {
    state.user = null;
    expect((await post('regions', 'code,name\nMAD,Madrid\n')).status).toBe(401);
    state.user = asRole('manager');
    expect((await post('regions', 'code,name\nMAD,Madrid\n')).status).toBe(403);
  });

  it('imports and returns the report, writing one audit_log row with the actor', async () => {
    state.user = asRole('admin');
    const { status, body } = await post('regions', 'code,name\nMAD,Madrid\nCAT,Cataluña\n');
    expect(status).toBe(200);
    expect(body).toMatchObject({ entity: 'regions', committed: true, rowsRead: 2, rowsWritten: 2, rowsRejected: 0 });
    const audit = await queryRows<{ actor_id: number; entity: string }>(
      t.db,
      sql`select actor_id, entity from audit_log where action = 'import'`,
    );
    expect(audit).toEqual([{ actor_id: adminId, entity: 'regions' }]);
  });

  it('answers 422 with the report when a row is invalid, and 200 with rejects under skipInvalid', async () => {
    state.user = asRole('admin');
    const csv = 'postcode,region_code\n28001,MAD\n99999,XXX\n';
    const strict = await post('postcodes', csv);
    expect(strict.status).toBe(422);
    expect(strict.body).toMatchObject({ committed: false, rowsWritten: 0, invalidRows: 1 });
    expect(strict.body.errors).toEqual([
      { line: 3, column: 'region_code', value: 'XXX', reason: 'unknown region (import regions first)' },
    ]);

    const lenient = await post('postcodes', csv, '?skipInvalid=true');
    expect(lenient.status).toBe(200);
    expect(lenient.body).toMatchObject({ committed: true, rowsWritten: 1, rowsRejected: 1 });
    expect(lenient.body.rejectsCsv).toBe(
      'postcode,region_code,reason\n99999,XXX,region_code: unknown region (import regions first)\n',
    );
  });

  it('answers 400 for an unknown entity, a refused header or malformed CSV', async () => {
    state.user = asRole('admin');
    const unknown = await post('invoices', 'a,b\n');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toMatch(/Unknown entity "invoices"/);
    const header = await post('regions', 'code,nmae\nMAD,Madrid\n');
    expect(header).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    expect(header.body.error?.message).toMatch(/unknown column "nmae"/);
    expect((await post('regions', 'code,name\nGAL,"Galicia\n')).status).toBe(400);
  });
});
