import 'server-only';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { getDb } from '../db';
import { requestMemo } from '../request-context';
import { authOptions } from './options';
import type { SessionUser } from './session-user';
import { liveSessionUser } from './user-sessions';

/** The user and session ids of this request's session cookie, read on the server only. */
async function sessionCookie(): Promise<{ userId: number; sessionId: string } | null> {
  const options = authOptions();
  const session = await getServerSession({
    ...options,
    callbacks: { ...options.callbacks, session: ({ token }) => ({ userId: token.sub, sessionId: token.sid }) },
  });
  const userId = Number(session?.userId);
  const sessionId = session?.sessionId;
  if (!Number.isInteger(userId) || userId <= 0 || typeof sessionId !== 'string') return null;
  return { userId, sessionId };
}

/**
 * The signed-in, still-active user of this request, or null: the cookie must name a session that
 * was not ended and is within the idle and absolute lifetimes. Memoised per request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const cookie = await sessionCookie();
  if (!cookie) return null;
  const db = await getDb();
  return liveSessionUser(db, cookie, await requestMemo().settings(db));
});
