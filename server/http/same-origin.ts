import 'server-only';
import { env } from '../env';
import { ApiError } from './api-error';

/** Sec-Fetch-Site values of a request the app's own pages made, or the user typed. */
const OWN_SITE = new Set(['same-origin', 'none']);

/** The site's public origin: NEXTAUTH_URL when set (behind a proxy the Host may be internal), else the request's. */
function siteOrigin(request: Request): string {
  return new URL(env.NEXTAUTH_URL ?? request.url).origin;
}

/**
 * Refuses a cross-site request to a handler that changes data, when the browser's session cookie
 * is what would authenticate it (CSRF). A request with an Authorization header never uses the
 * cookie (requireApiUser then takes the token or refuses), and one without cookies cannot be
 * signed in (it gets the usual 401), so either may come from anywhere.
 * Browsers send Sec-Fetch-Site on secure origins (https, localhost); elsewhere Origin must match.
 */
export function assertSameOrigin(request: Request): void {
  if (request.headers.has('authorization') || !request.headers.has('cookie')) return;
  const site = request.headers.get('sec-fetch-site');
  const allowed = site !== null ? OWN_SITE.has(site) : request.headers.get('origin') === siteOrigin(request);
  if (!allowed) {
    throw new ApiError(
      'forbidden',
      'Cross-site request refused: call this endpoint from the Holdfast pages, or send a personal API token as "Authorization: Bearer <token>".',
    );
  }
}
