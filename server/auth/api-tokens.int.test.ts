import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, users } from '@/db/schema';
import { createTestDb, type TestDb } from '@/test/db';
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from './api-tokens';

let t: TestDb;
let analystId = 0;
let otherId = 0;

beforeAll(async () => {
  t = await createTestDb();
  const rows = await t.db
    .insert(users)
    .values([
      { email: 'analyst@example.test', name: 'Analyst', role: 'analyst' },
      { email: 'other@example.test', name: 'Other', role: 'analyst' },
    ])
    .returning({ id: users.id });
  analystId = rows[0]?.id ?? 0;
  otherId = rows[1]?.id ?? 0;
});
afterAll(async () => {
  await t.close();
});

describe('personal API tokens', () => {
  it('authenticates with the token shown once, stores only its hash, and records last use', async () => {
    const created = await createApiToken(t.db, analystId, ' exports ');
    expect(created.token).toMatch(/^hf_[A-Za-z0-9_-]{43}$/);
    const [stored] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(stored?.tokenHash).not.toContain(created.token);
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.lastUsedAt).toBeNull();

    expect(await authenticateApiToken(t.db, created.token)).toMatchObject({ id: analystId, role: 'analyst' });
    const [listed] = await listApiTokens(t.db, analystId);
    expect(listed).toMatchObject({ name: 'exports', prefix: created.token.slice(0, 10) });
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('refuses unknown and revoked tokens, and only the owner can revoke', async () => {
    const created = await createApiToken(t.db, analystId, 'temporary');
    expect(await authenticateApiToken(t.db, 'hf_not-a-real-token')).toBeNull();
    expect(await authenticateApiToken(t.db, 'Bearer nonsense')).toBeNull();
    expect(await revokeApiToken(t.db, otherId, created.id)).toBe(false);
    expect(await authenticateApiToken(t.db, created.token)).not.toBeNull();
    expect(await revokeApiToken(t.db, analystId, created.id)).toBe(true);
    expect(await authenticateApiToken(t.db, created.token)).toBeNull();
    expect(await revokeApiToken(t.db, analystId, created.id)).toBe(false);
  });

  it('stops working when the user is deactivated', async () => {
    const created = await createApiToken(t.db, otherId, 'soon inactive');
    await t.db.update(users).set({ active: false }).where(eq(users.id, otherId));
    expect(await authenticateApiToken(t.db, created.token)).toBeNull();
  });
});
