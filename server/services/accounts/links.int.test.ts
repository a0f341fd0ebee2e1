import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTimeTokens, users } from '@/db/schema';
import { authenticate } from '@/server/auth/users';
import { createTestDb, type TestDb } from '@/test/db';
import { createUser } from './create-user';
import { findPasswordLink, issuePasswordLink, setPasswordWithLink } from './set-password-links';
import { addSessionAndToken, addUser, auditOf, liveCounts, STRONG_PASSWORD, tokenOf } from '@/test/factories/accounts';
import { deactivateUser } from './user-status';

let t: TestDb;
let adminId = 0;

beforeAll(async () => {
  t = await createTestDb();
  adminId = await addUser(t.db, { email: 'admin@example.test', role: 'admin', password: STRONG_PASSWORD });
});
afterAll(async () => {
  await t.close();
});

const person = (email: string) => ({ email, name: 'Pat Doe', role: 'rep' as const, regionCode: null, team: null });

describe('set-password links', () => {
  it('an invited user sets a password once, then signs in; the link cannot be used twice', async () => {
    const { user, link } = await createUser(t.db, adminId, person('pat@example.test'));
    const token = tokenOf(link);
    expect(await authenticate(t.db, 'pat@example.test', 'anything at all')).toBeNull();
    expect(await findPasswordLink(t.db, token)).toMatchObject({ email: 'pat@example.test', purpose: 'invite' });

    await setPasswordWithLink(t.db, token, 'violet-canyon-ferry-88');
    expect(await authenticate(t.db, 'pat@example.test', 'violet-canyon-ferry-88')).toMatchObject({ id: user.id });
    expect(await findPasswordLink(t.db, token)).toBeNull();
    await expect(setPasswordWithLink(t.db, token, 'another-long-phrase-99')).rejects.toThrow(/already used/);
    expect(await authenticate(t.db, 'pat@example.test', 'violet-canyon-ferry-88')).not.toBeNull();

    const audit = await auditOf(t.db, user.id);
    expect(audit.at(-1)).toMatchObject({ action: 'user.password_set', actorId: user.id, details: { via: 'invite' } });
  });

  it('refuses short, common and personal passwords with the reason, and leaves the link usable', async () => {
    const { link } = await createUser(t.db, adminId, { ...person('maria.garcia@example.test'), name: 'Maria Garcia' });
    const token = tokenOf(link);
    await expect(setPasswordWithLink(t.db, token, 'short-one')).rejects.toThrow(/at least 12 characters/);
    await expect(setPasswordWithLink(t.db, token, 'password1234')).rejects.toThrow(/too easy to guess.*common/);
    await expect(setPasswordWithLink(t.db, token, 'maria.garcia2024')).rejects.toThrow(/too easy to guess/);
    expect(await findPasswordLink(t.db, token)).not.toBeNull();
  });

  it('a reset link replaces earlier links, lasts a day, and using it ends every session and token', async () => {
    const id = await addUser(t.db, { email: 'forgetful@example.test', password: STRONG_PASSWORD });
    await addSessionAndToken(t.db, id);
    const first = await issuePasswordLink(t.db, adminId, id);
    const second = await issuePasswordLink(t.db, adminId, id);
    expect(second.purpose).toBe('reset');
    const hours = (second.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    expect(await findPasswordLink(t.db, tokenOf(first.link))).toBeNull();
    await expect(setPasswordWithLink(t.db, tokenOf(first.link), 'emerald-tundra-whistle-5')).rejects.toThrow(/not valid/);

    // The old password still works until the link is used.
    expect(await authenticate(t.db, 'forgetful@example.test', STRONG_PASSWORD)).not.toBeNull();
    await setPasswordWithLink(t.db, tokenOf(second.link), 'emerald-tundra-whistle-5');
    expect(await authenticate(t.db, 'forgetful@example.test', STRONG_PASSWORD)).toBeNull();
    expect(await liveCounts(t.db, id)).toEqual({ sessions: 0, tokens: 0 });
    expect((await auditOf(t.db, id)).map((a) => a.action)).toEqual(['user.link_issued', 'user.link_issued', 'user.password_set']);
  });

  it('an expired link is refused', async () => {
    const id = await addUser(t.db, { email: 'late@example.test' });
    const { link } = await issuePasswordLink(t.db, adminId, id);
    await t.db.update(oneTimeTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(oneTimeTokens.userId, id));
    expect(await findPasswordLink(t.db, tokenOf(link))).toBeNull();
    await expect(setPasswordWithLink(t.db, tokenOf(link), 'emerald-tundra-whistle-5')).rejects.toThrow(/expired/);
    const [row] = await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id));
    expect(row?.hash).toBeNull();
  });

  it('deactivation voids the links of a user, and no link is issued for an inactive user', async () => {
    const id = await addUser(t.db, { email: 'gone@example.test' });
    const { link } = await issuePasswordLink(t.db, adminId, id);
    await deactivateUser(t.db, adminId, id);
    await expect(setPasswordWithLink(t.db, tokenOf(link), 'emerald-tundra-whistle-5')).rejects.toThrow(/not valid/);
    await expect(issuePasswordLink(t.db, adminId, id)).rejects.toThrow(/reactivate it first/);
  });

  it('a made-up token is refused', async () => {
    await expect(setPasswordWithLink(t.db, 'A'.repeat(43), 'emerald-tundra-whistle-5')).rejects.toThrow(/not valid/);
  });
});
