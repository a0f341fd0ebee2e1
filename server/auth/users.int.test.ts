import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { createTestDb, type TestDb } from '@/test/db';
import { hashPassword } from './password';
import { authenticate, loadActiveUser } from './users';

let t: TestDb;
let activeId = 0;
let inactiveId = 0;

beforeAll(async () => {
  t = await createTestDb();
  const hash = await hashPassword('correct horse');
  const rows = await t.db
    .insert(users)
    .values([
      { email: 'rep@example.test', name: 'Active Rep', role: 'rep', passwordHash: hash },
      { email: 'gone@example.test', name: 'Former Rep', role: 'rep', passwordHash: hash, active: false },
      { email: 'imported@example.test', name: 'Imported', role: 'analyst' },
    ])
    .returning({ id: users.id, email: users.email });
  activeId = rows.find((r) => r.email === 'rep@example.test')?.id ?? 0;
  inactiveId = rows.find((r) => r.email === 'gone@example.test')?.id ?? 0;
});
afterAll(async () => {
  await t.close();
});

describe('authenticate', () => {
  it('accepts the right password, whatever the case and spacing of the email', async () => {
    const user = await authenticate(t.db, '  Rep@Example.test ', 'correct horse');
    expect(user).toMatchObject({ email: 'rep@example.test', role: 'rep' });
  });

  it('refuses a wrong password, an unknown user, an inactive user and a user with no password alike', async () => {
    expect(await authenticate(t.db, 'rep@example.test', 'wrong')).toBeNull();
    expect(await authenticate(t.db, 'nobody@example.test', 'correct horse')).toBeNull();
    expect(await authenticate(t.db, 'gone@example.test', 'correct horse')).toBeNull();
    expect(await authenticate(t.db, 'imported@example.test', '')).toBeNull();
  });

  it('stores argon2id hashes, never the password', async () => {
    const rows = await t.db.select({ hash: users.passwordHash }).from(users);
    for (const { hash } of rows) {
      if (hash) expect(hash).toMatch(/^\$argon2id\$/);
    }
  });
});

describe('loadActiveUser', () => {
  it('returns the session user for an active account and null once deactivated', async () => {
    expect(await loadActiveUser(t.db, activeId)).toMatchObject({ role: 'rep', regionCode: null });
    expect(await loadActiveUser(t.db, inactiveId)).toBeNull();
    expect(await loadActiveUser(t.db, 999_999)).toBeNull();
  });
});
