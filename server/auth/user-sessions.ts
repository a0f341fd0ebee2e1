import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiTokens, userSessions } from '@/db/schema';

/** Ends every browser session and revokes every API token of a user (password change, reset, deactivation). */
export async function endAllSessionsOf(db: Db, userId: number): Promise<void> {
  const now = new Date();
  await db.update(userSessions).set({ revokedAt: now }).where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
  await db.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

/** Ends every browser session of a user, keeping API tokens ("sign out everywhere"). */
export async function endBrowserSessionsOf(db: Db, userId: number): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
}
