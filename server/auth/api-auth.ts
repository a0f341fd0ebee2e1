import 'server-only';
import type { Role } from '@/lib/vocabularies';
import { ApiError } from '../http/api-error';
import { getSessionUser } from './session';
import type { SessionUser } from './session-user';

/**
 * Who calls an /api/v1 route: the browser session (personal API tokens join here later).
 * Throws 401 when nobody is signed in and 403 when the role is not among `roles`.
 */
export async function requireApiUser(_request: Request, ...roles: Role[]): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new ApiError('unauthorized', 'Sign in, or send a personal API token as "Authorization: Bearer <token>".');
  if (roles.length > 0 && !roles.includes(user.role)) {
    throw new ApiError('forbidden', `Only ${roles.join(' or ')} users may call this endpoint.`);
  }
  return user;
}
