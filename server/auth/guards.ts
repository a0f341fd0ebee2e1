import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import type { Role } from '@/lib/vocabularies';
import { getSessionUser } from './session';
import type { SessionUser } from './session-user';

/** For pages: the signed-in user, or a redirect to the login page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/login');
  return user;
}

/** For pages: the signed-in user if their role may see the page, else a 403. */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}
