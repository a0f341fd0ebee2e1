import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, type Db } from '@/db/client';
import type { ImportReport } from '@/lib/schemas/import';
import type { Role } from '@/lib/vocabularies';
import type { SessionUser } from '@/server/auth/session-user';
import { putSetting } from '@/server/services/settings';
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

const { POST } = await import('./route');

/** The mocked requireApiUser stands for the session; the cookie is what makes the request forgeable. */
const SESSION_COOKIE = 'next-auth.session-token=test';

/** A POST as the admin screen's browser sends it on the session cookie (same origin), unless `headers` say otherwise. */
async function post(entity: string, body: BodyInit, query = '', headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/api/v1/import/${entity}${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', Cookie: SESSION_COOKIE, 'Sec-Fetch-Site': 'same-origin', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
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

  it('refuses a cross-site request on the session cookie with 403 and writes nothing', async () => {
    state.user = asRole('admin');
    const before = await counts();
    const forgeries: Array<Record<string, string>> = [
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
      { Origin: 'https://evil.example' },
    ];
    for (const headers of forgeries) {
      const request = new Request('http://localhost/api/v1/import/regions', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', Cookie: SESSION_COOKIE, ...headers },
        body: 'code,name\nEVL,Evil\n',
      });
      const response = await POST(request, { params: Promise.resolve({ entity: 'regions' }) });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect(await counts()).toEqual(before);
    // Without Sec-Fetch-Site (plain http), the site's own Origin is enough.
    const own = await post('regions', 'code,name\nORG,Origin\n', '', { Origin: 'http://localhost' });
    expect(own.status).toBe(200);
  });

  it('answers 413 for a file over maxUploadBytes, declared or counted while streaming, writing nothing', async () => {
    state.user = asRole('admin');
    await putSetting(t.db, 'maxUploadBytes', 1000);
    try {
      const before = await counts();
      const rows = Array.from({ length: 100 }, (_, i) => `Z${String(i).padStart(2, '0')},Region ${i}`);
      const csv = ['code,name', ...rows, ''].join('\n');
      const declared = await post('regions', csv, '', { 'Content-Length': String(Buffer.byteLength(csv)) });
      expect(declared.status).toBe(413);
      expect(declared.body.error).toEqual({
        code: 'too_large',
        message: 'The CSV file is larger than the 1000 bytes this server accepts.',
      });
      expect(await counts()).toEqual(before);

      // Chunked: no Content-Length, so only the count while reading can stop it (after rows were parsed).
      const encoder = new TextEncoder();
      let i = 0;
      const chunked = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (i < csv.length) controller.enqueue(encoder.encode(csv.slice(i, (i += 100))));
          else controller.close();
        },
      });
      const streamed = await post('regions', chunked);
      expect(streamed.status).toBe(413);
      expect(streamed.body.error?.code).toBe('too_large');
      const after = await counts();
      expect(after.regions).toBe(before.regions);
      const [run] = await queryRows<{ status: string }>(
        t.db,
        sql`select status from import_runs order by id desc limit 1`,
      );
      expect(run?.status).toBe('failed');

      expect((await post('regions', 'code,name\nSML,Small\n')).status).toBe(200);
    } finally {
      await putSetting(t.db, 'maxUploadBytes', 104_857_600);
    }
  });
});

async function counts() {
  const [row] = await queryRows<{ regions: unknown; runs: unknown }>(
    t.db,
    sql`select (select count(*) from regions) as regions, (select count(*) from import_runs) as runs`,
  );
  return { regions: Number(row?.regions), runs: Number(row?.runs) };
}
