import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTimeTokens, users } from '@/db/schema';
import { createTestDb, type TestDb } from '@/test/db';
import { createUser } from './create-user';
import { addRegion, addSessionAndToken, addUser, auditOf, liveCounts, STRONG_PASSWORD, tokenOf } from '@/test/factories/accounts';
import { updateUser } from './update-user';
import { deactivateUser, reactivateUser } from './user-status';

let t: TestDb;
let adminId = 0;

beforeAll(async () => {
  t = await createTestDb();
  await addRegion(t.db, 'MAD');
  adminId = await addUser(t.db, { email: 'first.admin@example.test', role: 'admin', password: STRONG_PASSWORD });
});
afterAll(async () => {
  await t.close();
});

describe('creating a user', () => {
  it('creates an account without a password, with an invite link valid seven days, both audited', async () => {
    const created = await createUser(t.db, adminId, {
      email: 'new.rep@example.test',
      name: 'New Rep',
      role: 'rep',
      regionCode: 'MAD',
      team: 'billing',
    });
    expect(created.user).toMatchObject({ email: 'new.rep@example.test', role: 'rep', regionCode: 'MAD', team: 'billing', active: true, canSignIn: false });
    expect(created.purpose).toBe('invite');
    expect(created.link).toMatch(/\/set-password\?token=[A-Za-z0-9_-]{43}$/);
    const days = (created.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const [stored] = await t.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.userId, created.user.id));
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.tokenHash).not.toContain(tokenOf(created.link));
    const audit = await auditOf(t.db, created.user.id);
    expect(audit.map((a) => a.action)).toEqual(['user.create', 'user.link_issued']);
    expect(audit[0]?.actorId).toBe(adminId);
    expect(JSON.stringify(audit)).not.toContain(tokenOf(created.link));
  });

  it('refuses a taken email and an unknown region without writing anything', async () => {
    const base = { name: 'X', role: 'analyst' as const, regionCode: null, team: null };
    await expect(createUser(t.db, adminId, { ...base, email: 'first.admin@example.test' })).rejects.toThrow(/already exists/);
    await expect(createUser(t.db, adminId, { ...base, email: 'nowhere@example.test', regionCode: 'ZZZ' })).rejects.toThrow(
      /no region "ZZZ"/,
    );
    expect(await t.db.select().from(users).where(eq(users.email, 'nowhere@example.test'))).toEqual([]);
  });
});

describe('editing, deactivating and reactivating', () => {
  it('changes role, region and team and records before and after', async () => {
    const id = await addUser(t.db, { email: 'mover@example.test', role: 'rep' });
    const after = await updateUser(t.db, adminId, { userId: id, role: 'manager', regionCode: 'MAD', team: null });
    expect(after).toMatchObject({ role: 'manager', regionCode: 'MAD', team: null });
    const [audit] = await auditOf(t.db, id);
    expect(audit).toMatchObject({
      action: 'user.update',
      actorId: adminId,
      details: { before: { role: 'rep', regionCode: null }, after: { role: 'manager', regionCode: 'MAD' } },
    });
  });

  it('deactivation ends every session and API token and voids unused links; reactivation lets the user back', async () => {
    const id = await addUser(t.db, { email: 'leaver@example.test', role: 'analyst', password: STRONG_PASSWORD });
    await addSessionAndToken(t.db, id);
    await addSessionAndToken(t.db, id);
    expect(await liveCounts(t.db, id)).toEqual({ sessions: 2, tokens: 2 });

    const after = await deactivateUser(t.db, adminId, id);
    expect(after.active).toBe(false);
    expect(await liveCounts(t.db, id)).toEqual({ sessions: 0, tokens: 0 });

    const again = await reactivateUser(t.db, adminId, id);
    expect(again).toMatchObject({ active: true, canSignIn: true });
    expect((await auditOf(t.db, id)).map((a) => a.action)).toEqual(['user.deactivate', 'user.reactivate']);
  });

  it('an admin cannot deactivate themselves', async () => {
    await expect(deactivateUser(t.db, adminId, adminId)).rejects.toThrow(/your own account/);
  });

  it('the last active admin who can sign in can be neither demoted nor deactivated', async () => {
    const other = await addUser(t.db, { email: 'other.admin@example.test', role: 'admin', password: STRONG_PASSWORD });
    // Another admin exists, so demoting this one is allowed…
    await updateUser(t.db, adminId, { userId: other, role: 'manager', regionCode: null, team: null });
    // …and now the first admin is the last: nobody (not even another admin's session) may demote them.
    await expect(updateUser(t.db, other, { userId: adminId, role: 'analyst', regionCode: null, team: null })).rejects.toThrow(
      /last active admin/,
    );
    await expect(deactivateUser(t.db, other, adminId)).rejects.toThrow(/last active admin/);

    // An invited admin without a password does not count.
    await addUser(t.db, { email: 'invited.admin@example.test', role: 'admin' });
    await expect(updateUser(t.db, other, { userId: adminId, role: 'analyst', regionCode: null, team: null })).rejects.toThrow(
      /last active admin/,
    );
    const [still] = await t.db.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, adminId));
    expect(still).toEqual({ role: 'admin', active: true });
  });
});
