import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, oneTimeTokens, users } from '@/db/schema';
import { authenticate } from '@/server/auth/users';
import { createTestDb, type TestDb } from '@/test/db';
import { completeSetup, isLiveSetupLink, isSetupNeeded, issueSetupLink } from './setup';
import { addUser, STRONG_PASSWORD, tokenOf } from '@/test/factories/accounts';

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const firstAdmin = { email: 'owner@example.test', name: 'Olga Owner', password: STRONG_PASSWORD };

describe('first-run setup', () => {
  it('is needed while no active admin has a password, even with other users present', async () => {
    expect(await isSetupNeeded(t.db)).toBe(true);
    await addUser(t.db, { email: 'imported.admin@example.test', role: 'admin' });
    await addUser(t.db, { email: 'rep@example.test', role: 'rep', password: STRONG_PASSWORD });
    expect(await isSetupNeeded(t.db)).toBe(true);
  });

  it('a new setup link voids the earlier one; a wrong or weak attempt leaves the link usable', async () => {
    const first = await issueSetupLink(t.db);
    const second = await issueSetupLink(t.db);
    expect(second.link).toMatch(/\/setup\?token=[A-Za-z0-9_-]{43}$/);
    expect(await isLiveSetupLink(t.db, tokenOf(first.link))).toBe(false);
    await expect(completeSetup(t.db, { ...firstAdmin, token: tokenOf(first.link) })).rejects.toThrow(/not valid/);

    const token = tokenOf(second.link);
    await expect(completeSetup(t.db, { ...firstAdmin, token, password: 'olgaowner2024' })).rejects.toThrow(/too easy to guess/);
    await expect(completeSetup(t.db, { ...firstAdmin, token, email: 'rep@example.test' })).rejects.toThrow(/already exists/);
    expect(await isLiveSetupLink(t.db, token)).toBe(true);
    expect(await isSetupNeeded(t.db)).toBe(true);
  });

  it('creates the first admin, who can sign in; the link is used up and setup is no longer needed', async () => {
    const { link } = await issueSetupLink(t.db);
    const spare = await issueSetupLink(t.db).then((l) => tokenOf(l.link));
    await expect(completeSetup(t.db, { ...firstAdmin, token: tokenOf(link) })).rejects.toThrow(/not valid/);

    const admin = await completeSetup(t.db, { ...firstAdmin, token: spare });
    expect(await authenticate(t.db, firstAdmin.email, firstAdmin.password)).toMatchObject({ id: admin.id, role: 'admin' });
    expect(await isSetupNeeded(t.db)).toBe(false);
    await expect(completeSetup(t.db, { ...firstAdmin, email: 'second@example.test', token: spare })).rejects.toThrow(/not valid/);

    const live = await t.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.purpose, 'setup'));
    expect(live.filter((l) => l.usedAt === null && l.expiresAt > new Date())).toEqual([]);
    const audit = await t.db.select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog).where(eq(auditLog.entityId, String(admin.id)));
    expect(audit).toEqual([{ action: 'setup.complete', actorId: admin.id }]);
    expect(await t.db.select({ role: users.role }).from(users).where(eq(users.email, firstAdmin.email))).toEqual([{ role: 'admin' }]);
  });

  it('a setup link issued after setup cannot create a second admin', async () => {
    const { link } = await issueSetupLink(t.db);
    await expect(
      completeSetup(t.db, { ...firstAdmin, email: 'intruder@example.test', name: 'In Truder', token: tokenOf(link) }),
    ).rejects.toThrow(/already set up/);
    expect(await t.db.select().from(users).where(eq(users.email, 'intruder@example.test'))).toEqual([]);
  });
});
