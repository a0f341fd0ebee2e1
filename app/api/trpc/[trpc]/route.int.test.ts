import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, type Db } from '@/db/client';
import type { SessionUser } from '@/server/auth/session-user';
import { putSetting } from '@/server/services/settings';
import { createTestDb, type TestDb } from '@/test/db';

const state = vi.hoisted((): { db: Db | null; user: SessionUser | null } => ({ db: null, user: null }));
vi.mock('@/server/db', () => ({ getDb: () => Promise.resolve(state.db), getReadDb: () => Promise.resolve(state.db) }));
vi.mock('@/server/auth/session', () => ({ getSessionUser: () => Promise.resolve(state.user) }));

const { POST } = await import('./route');

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  const [row] = await queryRows<{ id: number }>(
    t.db,
    sql`insert into users (email, name, role) values ('mgr@t.test', 'Mo', 'manager') returning id`,
  );
  state.user = { id: Number(row?.id), email: 'mgr@t.test', name: 'Mo', role: 'manager', regionCode: null };
  await putSetting(t.db, 'maxRequestBodyBytes', 16_384);
});
afterAll(async () => {
  await t?.close();
});

const savedViews = async () =>
  Number((await queryRows<{ n: unknown }>(t.db, sql`select count(*) as n from saved_views`))[0]?.n);

/** A saved-view mutation as the browser's tRPC client sends it (same origin, on the session cookie). */
function save(name: string, headers: Record<string, string> = {}, body?: BodyInit): Request {
  const json = JSON.stringify({ json: { page: 'queue', name, query: '' } });
  return new Request('http://localhost/api/trpc/savedViews.save', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Cookie: 'next-auth.session-token=t',
      'Sec-Fetch-Site': 'same-origin',
      ...headers,
    },
    body: body ?? json,
    duplex: 'half',
  } as RequestInit);
}

describe('POST /api/trpc', () => {
  it('passes a same-origin mutation within the limit on to tRPC', async () => {
    const before = await savedViews();
    const response = await POST(save('Mine'));
    expect(response.status).toBe(200);
    expect(await savedViews()).toBe(before + 1);
  });

  it('refuses a cross-site mutation on the cookie with 403, before tRPC runs it', async () => {
    const before = await savedViews();
    const response = await POST(save('Forged', { 'Sec-Fetch-Site': 'cross-site' }));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(await savedViews()).toBe(before);
  });

  it('answers 413 to a body over maxRequestBodyBytes, declared or streamed without a length', async () => {
    const before = await savedViews();
    const big = 'x'.repeat(20_000);
    const declared = await POST(save(big, { 'Content-Length': '20100' }));
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({
      error: { code: 'too_large', message: 'The request is larger than the 16 KiB this server accepts.' },
    });
    const encoder = new TextEncoder();
    const json = JSON.stringify({ json: { page: 'queue', name: big, query: '' } });
    let i = 0;
    const chunked = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i < json.length) controller.enqueue(encoder.encode(json.slice(i, (i += 4096))));
        else controller.close();
      },
    });
    expect((await POST(save('', {}, chunked))).status).toBe(413);
    expect(await savedViews()).toBe(before);
  });
});
