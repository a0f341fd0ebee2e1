import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { SessionUser } from './session-user';
import { verifyAgainstDummy, verifyPassword } from './password';

/** The active user with this id, as a SessionUser; null when missing or deactivated. */
export async function loadActiveUser(db: Db, id: number): Promise<SessionUser | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, regionCode: users.regionCode, active: users.active })
    .from(users)
    .where(eq(users.id, id));
  if (!row?.active) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, regionCode: row.regionCode };
}

/** Checks email and password; every failure looks the same to the caller. */
export async function authenticate(db: Db, email: string, password: string): Promise<SessionUser | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!row?.passwordHash || !row.active) return verifyAgainstDummy(password).then(() => null);
  if (!(await verifyPassword(row.passwordHash, password))) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, regionCode: row.regionCode };
}
