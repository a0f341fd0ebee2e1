import 'server-only';
import type { Role } from '@/lib/vocabularies';
import { getDb } from '../db';
import { ApiError } from '../http/api-error';
import { isSetupNeeded, SETUP_PENDING_MESSAGE } from '../services/accounts/setup';
import { authenticateApiToken } from './api-tokens';
import { getSessionUser } from './session';
import type { SessionUser } from './session-user';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Who calls an /api/v1 route: a personal API token (`Authorization: Bearer …`) or else the browser
 * session. Throws 503 until the install is set up, 401 when neither identifies an active user, 403 when the role is not among `roles`.
 */
export async function requireApiUser(request: Request, ...roles: Role[]): Promise<SessionUser> {
  if (await isSetupNeeded(await getDb())) throw new ApiError('not_set_up', SETUP_PENDING_MESSAGE);
  const header = request.headers.get('authorization');
  let user: SessionUser | null;
  if (header) {
    const token = BEARER.exec(header)?.[1];
    user = token ? await authenticateApiToken(await getDb(), token) : null;
    if (!user) throw new ApiError('unauthorized', 'The API token is unknown or revoked.');
  } else {
    user = await getSessionUser();
    if (!user) throw new ApiError('unauthorized', 'Sign in, or send a personal API token as "Authorization: Bearer <token>".');
  }
  if (roles.length > 0 && !roles.includes(user.role)) {
    throw new ApiError('forbidden', `Only ${roles.join(' or ')} users may call this endpoint.`);
  }
  return user;
}
