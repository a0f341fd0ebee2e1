import { NextResponse, type NextRequest } from 'next/server';
import { env } from './server/env';
import { databaseOutagePage } from './server/http/outage-page';
import { newNonce, securityHeaders } from './server/http/security-headers';

const https = env.NEXTAUTH_URL?.startsWith('https:') ?? false;
const development = env.NODE_ENV === 'development';

/**
 * Gives each response its Content-Security-Policy with a fresh nonce, and HSTS when the site is
 * https. The policy is also set on the request, where Next.js finds the nonce and puts it on the
 * scripts and styles it renders (every page is rendered per request: they all need a session).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const nonce = newNonce();
  const headers = securityHeaders({ nonce, development, https });
  const outage = await databaseOutagePage(request, nonce);
  if (outage) {
    for (const [name, value] of Object.entries(headers)) outage.headers.set(name, value);
    return outage;
  }
  const forwarded = new Headers(request.headers);
  forwarded.set('content-security-policy', headers['Content-Security-Policy']);
  // For a server component that renders its own <Script>: (await headers()).get('x-nonce').
  forwarded.set('x-nonce', nonce);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/:path*',
      // Next.js copies the body of any request the proxy sees into memory and cuts it at 10 MB,
      // which would truncate CSV uploads; requests with a body skip the proxy (next.config.js gives
      // them a fixed policy). Pages and assets are fetched without one.
      missing: [
        { type: 'header', key: 'content-length' },
        { type: 'header', key: 'transfer-encoding' },
      ],
    },
  ],
};
