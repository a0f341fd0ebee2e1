import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DatabaseUnavailableError } from '@/db/connection-errors';
import { createCaller } from '@/server/api/root';
import type { SessionUser } from '@/server/auth/session-user';
import { apiErrorResponse } from '@/server/http/api-error';
import { testRows } from '@/test/factories/metric-rows';
import { createTestDb, type TestDb } from '@/test/db';
import { toSafeError } from './trpc-errors';

let t: TestDb;
let rep: SessionUser;

beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  await rows.region('MAD');
  rep = {
    id: await rows.user('ana@s.test', 'rep', 'MAD'),
    email: 'ana@s.test',
    name: 'Ana',
    role: 'rep',
    regionCode: 'MAD',
  };
});
afterAll(async () => {
  await t?.close();
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) =>
      error instanceof TRPCError
        ? { code: error.code, message: error.message }
        : { code: 'thrown', message: String(error) },
  );

/** The error a query raises, as the driver and Drizzle raise it. */
async function failingQuery(query: ReturnType<typeof sql>): Promise<unknown> {
  try {
    await t.db.execute(query);
  } catch (error) {
    return error;
  }
  throw new Error('expected the query to fail');
}

describe('input the database cannot store is a 400, not a 500', () => {
  it('refuses a NUL character anywhere in the input', async () => {
    const caller = createCaller({ db: t.db, session: rep });
    const refused = await refusal(caller.savedViews.save({ page: 'queue', name: 'a\u0000b', query: 'status=open' }));
    expect(refused?.code).toBe('BAD_REQUEST');
    expect(refused?.message).toMatch(/NUL/);
    expect(await refusal(caller.disputeCase.get({ ref: 'D-1\u0000' }))).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses an id beyond the PostgreSQL integer range', async () => {
    const caller = createCaller({ db: t.db, session: rep });
    expect(await refusal(caller.savedViews.remove({ id: 99_999_999_999 }))).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('maps an out-of-range value that reached the database to BAD_REQUEST without its SQL', async () => {
    const error = await failingQuery(sql`select ${99_999_999_999}::integer`);
    const safe = toSafeError(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error }));
    expect(safe.code).toBe('BAD_REQUEST');
    expect(safe.message).not.toMatch(/select|integer|\$1/i);
    const response = apiErrorResponse(error);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).not.toMatch(/select/i);
  });
});

describe('unexpected failures', () => {
  it('show an error id that the server log carries with the real error, never the SQL', async () => {
    const error = await failingQuery(sql`select secret_column from no_such_table`);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const safe = toSafeError(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error }));
      expect(safe.code).toBe('INTERNAL_SERVER_ERROR');
      const id = /administrator: ([0-9a-f]{8})\./.exec(safe.message)?.[1];
      expect(id).toBeDefined();
      expect(safe.message).not.toMatch(/select|no_such_table|secret_column/i);
      expect(logged).toHaveBeenCalledWith(`error id=${id}`, error);

      const response = apiErrorResponse(error);
      const body = (await response.json()) as { error: { code: string; message: string; errorId: string } };
      expect(response.status).toBe(500);
      expect(body.error.code).toBe('internal');
      expect(body.error.message).toContain(body.error.errorId);
      expect(JSON.stringify(body)).not.toMatch(/select|no_such_table|secret_column/i);
      expect(logged).toHaveBeenCalledWith(`error id=${body.error.errorId}`, error);
    } finally {
      logged.mockRestore();
    }
  });

  it('while the database is unreachable: 503 with Retry-After, and no host or port', async () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432'), { code: 'ECONNREFUSED' });
    const response = apiErrorResponse(new DatabaseUnavailableError(cause));
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('5');
    const text = await response.text();
    expect(text).toMatch(/not reachable; retrying/);
    expect(text).not.toMatch(/10\.1\.2\.3|5432/);

    const safe = toSafeError(
      new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: new DatabaseUnavailableError(cause) }),
    );
    expect(safe.code).toBe('SERVICE_UNAVAILABLE');
    expect(safe.message).not.toMatch(/10\.1\.2\.3|5432/);
  });
});
