import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/server/auth/session-user';
import { createTestDb, type TestDb } from '@/test/db';
import { resolveKpiScope } from './scope';
import { testRows } from '@/test/factories/metric-rows';

const user = (role: SessionUser['role'], email: string, regionCode: string | null = null): SessionUser => ({
  id: 1,
  email,
  name: email,
  role,
  regionCode,
});
const rep = user('rep', 'ana@t.test', 'MAD');
const madManager = user('manager', 'boss.mad@t.test', 'MAD');
const nationalManager = user('manager', 'boss@t.test');
const analyst = user('analyst', 'numbers@t.test');

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  await rows.region('MAD');
  await rows.region('CAT');
  await rows.user('ana@t.test', 'rep', 'MAD');
  await rows.user('bea@t.test', 'rep', 'CAT');
});
afterAll(async () => {
  await t?.close();
});

const scope = (u: SessionUser, requested: { region?: string; rep?: string }) => resolveKpiScope(t.db, u, requested);
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error as { code?: string }).code ?? String(error),
  );

describe('role scope of the KPIs', () => {
  it('refuses a rep whatever the filters, before looking anything up', async () => {
    expect(await rejection(scope(rep, {}))).toBe('forbidden');
    expect(await rejection(scope(rep, { rep: 'ana@t.test' }))).toBe('forbidden');
    expect(await rejection(scope(rep, { rep: 'ghost@t.test', region: 'XXX' }))).toBe('forbidden');
  });

  it('pins a regional manager to the home region and forbids another', async () => {
    expect(await scope(madManager, {})).toEqual({ region: 'MAD', rep: null });
    expect(await scope(madManager, { region: 'MAD', rep: 'bea@t.test' })).toEqual({ region: 'MAD', rep: 'bea@t.test' });
    expect(await rejection(scope(madManager, { region: 'CAT' }))).toBe('forbidden');
  });

  it('leaves national managers and analysts free', async () => {
    expect(await scope(nationalManager, { region: 'CAT' })).toEqual({ region: 'CAT', rep: null });
    expect(await scope(analyst, { rep: ' Bea@T.test' })).toEqual({ region: null, rep: 'bea@t.test' });
  });

  it('refuses an unknown region or rep as a bad request', async () => {
    expect(await rejection(scope(analyst, { region: 'XXX' }))).toBe('bad_request');
    expect(await rejection(scope(analyst, { rep: 'ghost@t.test' }))).toBe('bad_request');
    expect(await rejection(scope(madManager, { rep: 'ghost@t.test' }))).toBe('bad_request');
  });
});
