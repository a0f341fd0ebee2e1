import 'server-only';
import crypto from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiTokens, userSessions, users } from '@/db/schema';
import type { Settings } from '../services/settings';
import type { SessionUser } from './session-user';

/** last_seen_at moves at most this often, so a busy page costs one write a minute, not one a request. */
const TOUCH_EVERY_MS = 60_000;

/** Session ids are 256 random bits: a fast hash suffices, and a database leak yields no usable id. */
function hashSessionId(sessionId: string): string {
  return crypto.createHash('sha256').update(sessionId).digest('hex');
}

/** Starts a browser session and returns its id, the only secret the session cookie carries. */
export async function startBrowserSession(
  db: Db,
  userId: number,
  client: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<string> {
  const sessionId = crypto.randomBytes(32).toString('base64url');
  await db.insert(userSessions).values({
    userId,
    idHash: hashSessionId(sessionId),
    createdAt: now,
    lastSeenAt: now,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 500) ?? null,
  });
  return sessionId;
}

/**
 * The active user of a live session, recording the visit; null once the session was ended, has
 * been idle too long, is older than the absolute lifetime, or its user was deactivated.
 */
export async function liveSessionUser(
  db: Db,
  session: { sessionId: string; userId: number },
  limits: Pick<Settings, 'sessionIdleMinutes' | 'sessionAbsoluteHours'>,
  now = new Date(),
): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      sessionRowId: userSessions.id,
      lastSeenAt: userSessions.lastSeenAt,
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      regionCode: users.regionCode,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      and(
        eq(userSessions.idHash, hashSessionId(session.sessionId)),
        eq(userSessions.userId, session.userId),
        isNull(userSessions.revokedAt),
        gt(userSessions.createdAt, new Date(now.getTime() - limits.sessionAbsoluteHours * 3_600_000)),
        gt(userSessions.lastSeenAt, new Date(now.getTime() - limits.sessionIdleMinutes * 60_000)),
        eq(users.active, true),
      ),
    );
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, row.sessionRowId));
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role, regionCode: row.regionCode };
}

/** Ends one browser session (sign-out); a replayed cookie of it is refused from then on. */
export async function endBrowserSession(db: Db, sessionId: string): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.idHash, hashSessionId(sessionId)), isNull(userSessions.revokedAt)));
}

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
