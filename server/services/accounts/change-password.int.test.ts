import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userSessions } from '@/db/schema';
import { authenticate } from '@/server/auth/users';
import { createTestDb, type TestDb } from '@/test/db';
import { changeOwnPassword } from './change-password';
import { findPasswordLink, issuePasswordLink } from './set-password-links';
import { signOutEverywhere } from './sign-out-everywhere';
import { addSessionAndToken, addUser, auditOf, liveCounts, STRONG_PASSWORD, tokenOf } from '@/test/factories/accounts';

let t: TestDb;
let userId = 0;

beforeAll(async () => {
  t = await createTestDb();
  userId = await addUser(t.db, { email: 'sam.sousa@example.test', role: 'manager', password: STRONG_PASSWORD });
});
afterAll(async () => {
  await t.close();
});

describe('changing one’s own password', () => {
  it('needs the current password and a strong new one', async () => {
    const change = (currentPassword: string, newPassword: string) => changeOwnPassword(t.db, userId, { currentPassword, newPassword });
    await expect(change('wrong-password-here', 'granite-meadow-orbit-31')).rejects.toThrow(/current password is not right/);
    await expect(change(STRONG_PASSWORD, STRONG_PASSWORD)).rejects.toThrow(/different from the current/);
    await expect(change(STRONG_PASSWORD, 'qwertyuiop123')).rejects.toThrow(/too easy to guess/);
    await expect(change(STRONG_PASSWORD, 'samsousa1234')).rejects.toThrow(/too easy to guess/);
    expect(await authenticate(t.db, 'sam.sousa@example.test', STRONG_PASSWORD)).not.toBeNull();
    expect(await auditOf(t.db, userId)).toEqual([]);
  });

  it('replaces the password, ends every session and token, voids unused reset links, and is audited', async () => {
    await addSessionAndToken(t.db, userId);
    const { link } = await issuePasswordLink(t.db, null, userId);
    await changeOwnPassword(t.db, userId, { currentPassword: STRONG_PASSWORD, newPassword: 'granite-meadow-orbit-31' });
    expect(await authenticate(t.db, 'sam.sousa@example.test', STRONG_PASSWORD)).toBeNull();
    expect(await authenticate(t.db, 'sam.sousa@example.test', 'granite-meadow-orbit-31')).not.toBeNull();
    expect(await liveCounts(t.db, userId)).toEqual({ sessions: 0, tokens: 0 });
    expect(await findPasswordLink(t.db, tokenOf(link))).toBeNull();
    expect((await auditOf(t.db, userId)).map((a) => a.action)).toEqual(['user.link_issued', 'user.password_change']);
  });

  it('signing out everywhere ends browser sessions but keeps API tokens', async () => {
    await addSessionAndToken(t.db, userId);
    await signOutEverywhere(t.db, userId);
    expect(await liveCounts(t.db, userId)).toEqual({ sessions: 0, tokens: 1 });
    const sessions = await t.db.select().from(userSessions).where(eq(userSessions.userId, userId));
    expect(sessions.every((s) => s.revokedAt !== null)).toBe(true);
    expect((await auditOf(t.db, userId)).at(-1)?.action).toBe('user.sign_out_everywhere');
  });
});
