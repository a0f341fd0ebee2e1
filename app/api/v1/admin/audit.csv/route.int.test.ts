import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { createApiToken } from '@/server/auth/api-tokens';
import { createTestDb, type TestDb } from '@/test/db';

// The real requireApiUser, authenticating personal API tokens against the test database.
const state = vi.hoisted((): { db: Db | null } => ({ db: null }));
vi.mock('@/server/db', () => ({ getDb: () => Promise.resolve(state.db), getReadDb: () => Promise.resolve(state.db) }));
vi.mock('@/server/auth/session', () => ({ getSessionUser: () => Promise.resolve(null) }));

const { GET } = await import('./route');

let t: TestDb;
let adminToken = '';
let managerToken = '';

beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  const [admin, manager] = await t.db
    .insert(users)
    .values([
      // A password hash: the install counts as set up (otherwise every /api/v1 route answers 503).
      { email: 'admin@c.test', name: '=HYPERLINK("http://x")', role: 'admin', passwordHash: 'not-a-real-hash' },
      { email: 'manager@c.test', name: 'Manager', role: 'manager' },
    ])
    .returning({ id: users.id });
  adminToken = (await createApiToken(t.db, admin?.id ?? 0, 'audit')).token;
  managerToken = (await createApiToken(t.db, manager?.id ?? 0, 'audit')).token;
  await t.db.insert(auditLog).values([
    {
      at: new Date('2024-06-01T08:00:00.250Z'),
      actorId: manager?.id ?? null,
      action: 'dispute.note',
      entity: 'dispute',
      entityId: '=1+1',
      details: { note: 'line one\nline two, "quoted"' },
    },
    {
      at: new Date('2024-06-02T08:00:00Z'),
      actorId: admin?.id ?? null,
      action: 'settings.update',
      entity: 'setting',
      entityId: 'currency',
      details: { from: 'EUR', to: 'GBP' },
    },
    { at: new Date('2024-06-03T08:00:00Z'), actorId: null, action: '@import', entity: 'customers', details: null },
  ]);
});
afterAll(async () => {
  await t?.close();
});

async function download(query: string, token: string | null = adminToken) {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const response = await GET(new Request(`http://localhost/api/v1/admin/audit.csv${query}`, { headers }));
  return { response, text: await response.text() };
}

const exportAudits = async () =>
  Number((await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'audit_log.export')))[0]?.n);

describe('GET /api/v1/admin/audit.csv', () => {
  it('answers 401 without credentials and 403 to a non-admin, as JSON', async () => {
    const anonymous = await download('', null);
    expect(anonymous.response.status).toBe(401);
    const forbidden = await download('', managerToken);
    expect(forbidden.response.status).toBe(403);
    expect(JSON.parse(forbidden.text)).toMatchObject({ error: { code: 'forbidden' } });
    expect(await exportAudits()).toBe(0);
  });

  it('answers 400 with the reason for a bad filter', async () => {
    const bad = await download('?from=2024-06-05&to=2024-06-01');
    expect(bad.response.status).toBe(400);
    expect(JSON.parse(bad.text)).toEqual({
      error: { code: 'bad_request', message: 'The start date is after the end date.' },
    });
    expect((await download('?from=yesterday')).response.status).toBe(400);
  });

  it('writes every filtered row newest first, formula-guarded, with instants in the report time zone', async () => {
    const { response, text } = await download('');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = text.split('\r\n');
    // jsonb keeps an object's keys shortest first, so `to` comes before `from`.
    expect(lines[0]).toBe('id,at,actor_email,actor_name,action,entity,entity_id,details');
    expect(lines.slice(1, 3)).toEqual([
      "3,2024-06-03T10:00:00+02:00,,,'@import,customers,,",
      `2,2024-06-02T10:00:00+02:00,admin@c.test,"'=HYPERLINK(""http://x"")",settings.update,setting,currency,"{""to"":""GBP"",""from"":""EUR""}"`,
    ]);
    // The entity id starting with = gets its quote; the JSON keeps its newline escaped on one line.
    expect(lines[3]).toBe(
      `1,2024-06-01T10:00:00.250+02:00,manager@c.test,Manager,dispute.note,dispute,'=1+1,"{""note"":""line one\\nline two, \\""quoted\\""""}"`,
    );
    // The export is audited, after the rows it holds were read.
    expect(lines.filter((l) => l.includes('audit_log.export'))).toEqual([]);
    expect(await exportAudits()).toBe(1);
  });

  it('applies the filters of the audit page', async () => {
    const settingsOnly = await download('?entity=setting&actor=admin%40c.test');
    expect(settingsOnly.text.split('\r\n').filter(Boolean)).toHaveLength(2);
    const system = await download('?actor=system&from=2024-06-03&to=2024-06-03');
    expect(system.text.split('\r\n').slice(1).filter(Boolean)).toEqual([
      "3,2024-06-03T10:00:00+02:00,,,'@import,customers,,",
    ]);
    const none = await download('?from=2024-06-04');
    // Only the exports of this file's earlier tests, which are audited too.
    expect(
      none.text
        .split('\r\n')
        .slice(1)
        .filter(Boolean)
        .every((l) => l.includes('audit_log.export')),
    ).toBe(true);
  });
});
