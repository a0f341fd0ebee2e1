import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '@/db/schema';
import { AUDIT_PAGE_SIZE } from '@/lib/schemas/audit-log';
import type { Role } from '@/lib/vocabularies';
import { createCaller } from '@/server/api/root';
import type { SessionUser } from '@/server/auth/session-user';
import { createTestDb, type TestDb } from '@/test/db';

let t: TestDb;
const people = {} as Record<Role, SessionUser>;

beforeAll(async () => {
  t = await createTestDb();
  for (const role of ['admin', 'manager', 'rep', 'analyst'] as const) {
    const email = `${role}@a.test`;
    const name = `The ${role}`;
    const [row] = await t.db.insert(users).values({ email, name, role }).returning({ id: users.id });
    people[role] = { id: row?.id ?? 0, email, name, role, regionCode: null };
  }
  // Europe/Madrid (REPORT_TZ) is UTC+1 in early March: 22:30Z is 23:30 on the 9th there, 23:30Z is 00:30 on the 10th.
  await t.db.insert(auditLog).values([
    {
      at: new Date('2024-03-09T22:30:00Z'),
      actorId: people.manager.id,
      action: 'dispute.transition',
      entity: 'dispute',
      entityId: 'DS-1',
    },
    {
      at: new Date('2024-03-09T23:30:00Z'),
      actorId: people.rep.id,
      action: 'dispute.credit',
      entity: 'dispute',
      entityId: 'DS-2',
      details: { amountCents: 500 },
    },
    {
      at: new Date('2024-03-11T10:00:00Z'),
      actorId: null,
      action: 'import',
      entity: 'customers',
      details: { rows: 3 },
    },
    {
      at: new Date('2024-03-12T10:00:00Z'),
      actorId: people.admin.id,
      action: 'settings.update',
      entity: 'setting',
      entityId: 'disputeSlaHours',
      details: { from: 72, to: 48 },
    },
  ]);
  // A page and a half of exports on one day, one second apart.
  await t.db.insert(auditLog).values(
    Array.from({ length: AUDIT_PAGE_SIZE + 10 }, (_, i) => ({
      at: new Date(Date.UTC(2024, 3, 1, 9, 0, i)),
      actorId: people.analyst.id,
      action: 'export',
      entity: 'disputes',
      details: { n: i },
    })),
  );
});
afterAll(async () => {
  await t?.close();
});

const audit = (user: SessionUser | null) => createCaller({ db: t.db, session: user }).auditLog;
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );

describe('audit log: who may', () => {
  it('is for admins only', async () => {
    for (const role of ['manager', 'rep', 'analyst'] as const) {
      expect(await code(audit(people[role]).list({}))).toBe('FORBIDDEN');
      expect(await code(audit(people[role]).facets())).toBe('FORBIDDEN');
    }
    expect(await code(audit(null).list({}))).toBe('UNAUTHORIZED');
  });
});

describe('audit log: listing', () => {
  it('pages newest first with the total, the last page holding the rest', async () => {
    const first = await audit(people.admin).list({});
    expect(first).toMatchObject({ total: AUDIT_PAGE_SIZE + 14, page: 1, pages: 2, pageSize: AUDIT_PAGE_SIZE });
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.rows[0]).toMatchObject({
      action: 'export',
      details: { n: AUDIT_PAGE_SIZE + 9 },
      actorEmail: 'analyst@a.test',
    });
    const times = first.rows.map((r) => r.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const second = await audit(people.admin).list({ page: 2 });
    expect(second.rows).toHaveLength(14);
    expect(second.rows.at(-1)).toMatchObject({
      action: 'dispute.transition',
      actorName: 'The manager',
      entityId: 'DS-1',
    });
    // A page past the end answers the last one.
    expect((await audit(people.admin).list({ page: 9 })).page).toBe(2);
  });

  it('filters by actor (email or system), entity, entity id and action', async () => {
    const list = (input: Parameters<ReturnType<typeof audit>['list']>[0]) => audit(people.admin).list(input);
    expect((await list({ actor: 'REP@a.test' })).rows.map((r) => r.entityId)).toEqual(['DS-2']);
    expect((await list({ actor: 'system' })).rows.map((r) => r.entity)).toEqual(['customers']);
    expect((await list({ entity: 'dispute' })).total).toBe(2);
    expect((await list({ entity: 'dispute', entityId: 'DS-1' })).rows.map((r) => r.action)).toEqual([
      'dispute.transition',
    ]);
    expect((await list({ action: 'export' })).total).toBe(AUDIT_PAGE_SIZE + 10);
    expect((await list({ action: 'export', actor: 'rep@a.test' })).total).toBe(0);
  });

  it('takes the time range as whole days in the report time zone', async () => {
    const list = (from: string | null, to: string | null) => audit(people.admin).list({ from, to });
    expect((await list('2024-03-10', '2024-03-10')).rows.map((r) => r.entityId)).toEqual(['DS-2']);
    expect((await list(null, '2024-03-09')).rows.map((r) => r.entityId)).toEqual(['DS-1']);
    expect((await list('2024-03-11', '2024-03-12')).rows.map((r) => r.action)).toEqual(['settings.update', 'import']);
    expect(await code(list('2024-03-12', '2024-03-11'))).toBe('BAD_REQUEST');
  });

  it('offers the actors, entities and actions found in the log as filter choices', async () => {
    expect(await audit(people.admin).facets()).toEqual({
      actors: [
        { email: 'admin@a.test', name: 'The admin' },
        { email: 'analyst@a.test', name: 'The analyst' },
        { email: 'manager@a.test', name: 'The manager' },
        { email: 'rep@a.test', name: 'The rep' },
      ],
      hasSystemRows: true,
      entities: ['customers', 'dispute', 'disputes', 'setting'],
      actions: ['dispute.credit', 'dispute.transition', 'export', 'import', 'settings.update'],
    });
  });
});
