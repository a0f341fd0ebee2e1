import 'server-only';
import { asc } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';

export async function listUsers(db: Db) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      regionCode: users.regionCode,
      team: users.team,
      active: users.active,
      canSignIn: users.passwordHash,
    })
    .from(users)
    .orderBy(asc(users.role), asc(users.email))
    .then((rows) => rows.map(({ canSignIn, ...row }) => ({ ...row, canSignIn: canSignIn !== null })));
}
