import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import { authenticateApiToken } from '@/server/auth/api-tokens';
import type { SessionUser } from '@/server/auth/session-user';
import { testRows } from '@/test/factories/metric-rows';
import { createTestDb, type TestDb } from '@/test/db';

let t: TestDb;
let analyst: SessionUser;
let madManager: SessionUser;
let rep: SessionUser;
let otherRep: SessionUser;

beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  await rows.region('MAD');
  await rows.region('CAT');
  const make = async (email: string, role: SessionUser['role'], regionCode: string | null): Promise<SessionUser> => ({
    id: await rows.user(email, role, regionCode),
    email,
    name: email,
    role,
    regionCode,
  });
  analyst = await make('numbers@x.test', 'analyst', null);
  madManager = await make('boss.mad@x.test', 'manager', 'MAD');
  rep = await make('ana@x.test', 'rep', 'MAD');
  otherRep = await make('bea@x.test', 'rep', 'CAT');
  await rows.customer({ region: 'MAD', activated: '2023-01-01T00:00:00Z' });
  await rows.customer({ region: 'CAT', activated: '2023-01-01T00:00:00Z' });
  await rows.customer({ region: 'CAT', activated: '2025-01-01T00:00:00Z' });
});
afterAll(async () => {
  await t?.close();
});

const caller = (user: SessionUser | null) => createCaller({ db: t.db, session: user });
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );
const PERIOD = { from: '2024-01-01', to: '2024-12-31', region: null, rep: null };

describe('exports.count', () => {
  it('counts the rows a download will have, with the columns the caller gets', async () => {
    const result = await caller(analyst).exports.count({ dataset: 'customers', ...PERIOD });
    expect(result).toMatchObject({
      count: 2,
      omitted: ['name', 'phone'],
      fileName: 'customers_2024-01-01_2024-12-31.csv',
      csvUrl: '/api/v1/export/customers.csv?from=2024-01-01&to=2024-12-31',
      xlsxAllowed: true,
    });
    expect(result.columns).not.toContain('name');
    expect(result.columns).not.toContain('phone');
  });

  it('pins a regional manager to the home region and refuses reps', async () => {
    const mine = await caller(madManager).exports.count({ dataset: 'customers', ...PERIOD });
    expect(mine).toMatchObject({ count: 1, filters: { region: 'MAD' }, omitted: [] });
    expect(await code(caller(madManager).exports.count({ dataset: 'customers', ...PERIOD, region: 'CAT' }))).toBe(
      'FORBIDDEN',
    );
    expect(await code(caller(rep).exports.count({ dataset: 'disputes', ...PERIOD }))).toBe('FORBIDDEN');
    expect(await code(caller(null).exports.count({ dataset: 'disputes', ...PERIOD }))).toBe('UNAUTHORIZED');
  });
});

describe('apiTokens', () => {
  it('lets every role create, list and revoke their own tokens; the token is returned once', async () => {
    const created = await caller(rep).apiTokens.create({ name: '  my script ' });
    expect(created.token).toMatch(/^hf_/);
    expect(created.name).toBe('my script');
    expect(await authenticateApiToken(t.db, created.token)).toMatchObject({ email: rep.email });

    const listed = await caller(rep).apiTokens.list();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ name: 'my script', prefix: created.token.slice(0, 10), revokedAt: null });
    expect(Object.keys(listed[0] ?? {})).not.toContain('token');
    expect(await caller(otherRep).apiTokens.list()).toEqual([]);

    expect(await code(caller(otherRep).apiTokens.revoke({ id: created.id }))).toBe('NOT_FOUND');
    await caller(rep).apiTokens.revoke({ id: created.id });
    expect(await authenticateApiToken(t.db, created.token)).toBeNull();
    expect((await caller(rep).apiTokens.list())[0]?.revokedAt).toBeInstanceOf(Date);
    expect(await code(caller(rep).apiTokens.revoke({ id: created.id }))).toBe('NOT_FOUND');
  });

  it('refuses an empty name and anonymous callers', async () => {
    expect(await code(caller(analyst).apiTokens.create({ name: '   ' }))).toBe('BAD_REQUEST');
    expect(await code(caller(null).apiTokens.list())).toBe('UNAUTHORIZED');
  });
});
