import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiTokens, auditLog, regions, userSessions, users } from '@/db/schema';
import { hashPassword } from '@/server/auth/password';

export const STRONG_PASSWORD = 'quiet-harbor-lantern-42';

/** A user row; with a password when one is given. */
export async function addUser(
  db: Db,
  values: { email: string; role?: 'admin' | 'manager' | 'rep' | 'analyst'; password?: string; active?: boolean },
): Promise<number> {
  const [row] = await db
    .insert(users)
    .values({
      email: values.email,
      name: values.email.split('@')[0] ?? 'someone',
      role: values.role ?? 'rep',
      active: values.active ?? true,
      passwordHash: values.password ? await hashPassword(values.password) : null,
    })
    .returning({ id: users.id });
  if (!row) throw new Error('user not inserted');
  return row.id;
}

export async function addRegion(db: Db, code: string): Promise<void> {
  await db.insert(regions).values({ code, name: `Region ${code}` }).onConflictDoNothing();
}

/** A live browser session and a live API token for the user, to see them end. */
export async function addSessionAndToken(db: Db, userId: number): Promise<void> {
  const unique = `${userId}-${Math.random().toString(36).slice(2)}`;
  await db.insert(userSessions).values({ userId, idHash: `session-${unique}` });
  await db.insert(apiTokens).values({ userId, name: 'script', tokenHash: `token-${unique}`, prefix: 'hf_test' });
}

export async function liveCounts(db: Db, userId: number) {
  const sessions = await db
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
  const tokens = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  return { sessions: sessions.length, tokens: tokens.length };
}

export async function auditOf(db: Db, userId: number) {
  return db
    .select({ action: auditLog.action, actorId: auditLog.actorId, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, String(userId))))
    .orderBy(asc(auditLog.id));
}

export function tokenOf(link: string): string {
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}
