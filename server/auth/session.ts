import 'server-only';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { getDb } from '../db';
import { authOptions } from './options';
import type { SessionUser } from './session-user';
import { loadActiveUser } from './users';

/** The signed-in, still-active user of this request, or null. Memoised per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = Number((session as { userId?: string } | null)?.userId);
  if (!Number.isInteger(id) || id <= 0) return null;
  return loadActiveUser(await getDb(), id);
});
