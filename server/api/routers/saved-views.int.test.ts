import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import type { SessionUser } from '@/server/auth/session-user';
import { testRows } from '@/test/factories/metric-rows';
import { createTestDb, type TestDb } from '@/test/db';

let t: TestDb;
let ana: SessionUser;
let bea: SessionUser;

beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  await rows.region('MAD');
  const make = async (email: string): Promise<SessionUser> => ({
    id: await rows.user(email, 'rep', 'MAD'),
    email,
    name: email,
    role: 'rep',
    regionCode: 'MAD',
  });
  ana = await make('ana@v.test');
  bea = await make('bea@v.test');
});
afterAll(async () => {
  await t?.close();
});

const views = (user: SessionUser | null) => createCaller({ db: t.db, session: user }).savedViews;
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );

describe('saved views', () => {
  it('keeps each user their own views', async () => {
    const saved = await views(ana).save({ page: 'queue', name: 'Breached first bills', query: '?sla=breached&bill=1' });
    expect(saved.query).toBe('sla=breached&bill=1');
    await views(bea).save({ page: 'queue', name: 'Mine', query: 'status=open' });

    expect((await views(ana).list({ page: 'queue' })).map((v) => v.name)).toEqual(['Breached first bills']);
    expect((await views(bea).list({ page: 'queue' })).map((v) => v.name)).toEqual(['Mine']);
  });

  it("cannot remove another user's view", async () => {
    const [beas] = await views(bea).list({ page: 'queue' });
    expect(beas).toBeDefined();
    expect(await code(views(ana).remove({ id: beas?.id ?? 0 }))).toBe('NOT_FOUND');
    expect(await views(bea).list({ page: 'queue' })).toHaveLength(1);
    expect(await code(views(bea).remove({ id: beas?.id ?? 0 }))).toBe('resolved');
    expect(await views(bea).list({ page: 'queue' })).toHaveLength(0);
  });

  it('replaces a view saved again under the same name', async () => {
    await views(ana).save({ page: 'queue', name: 'Breached first bills', query: 'sla=breached&bill=1&sort=amount' });
    const list = await views(ana).list({ page: 'queue' });
    expect(list.map((v) => v.query)).toEqual(['sla=breached&bill=1&sort=amount']);
  });

  it('validates the input and needs a session', async () => {
    expect(await code(views(ana).save({ page: 'queue', name: '   ', query: '' }))).toBe('BAD_REQUEST');
    expect(await code(views(ana).save({ page: 'nowhere' as never, name: 'x', query: '' }))).toBe('BAD_REQUEST');
    expect(await code(views(null).list({ page: 'queue' }))).toBe('UNAUTHORIZED');
  });
});
