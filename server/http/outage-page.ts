import { NextResponse, type NextRequest } from 'next/server';
import { databaseReachableForPage } from '@/db/reachability';
import { DATABASE_RETRY_AFTER_SECONDS } from './database-unavailable-message';

const page = (nonce: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${DATABASE_RETRY_AFTER_SECONDS}"><title>Holdfast — database not reachable</title>
<style nonce="${nonce}">body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #1f2933 } h1 { font-size: 1.4rem }</style></head>
<body>
<h1>The database is not reachable; retrying</h1>
<p>Holdfast cannot reach its database right now. This page reloads by itself every ${DATABASE_RETRY_AFTER_SECONDS} seconds and
opens as soon as the database answers. Nothing you saved before is lost.</p>
</body></html>`;

/**
 * While the database is unreachable, a page request gets this 503 at once instead of a render
 * that would fail (the API routes answer their own JSON 503).
 */
export async function databaseOutagePage(request: NextRequest, nonce: string): Promise<NextResponse | null> {
  const { pathname } = request.nextUrl;
  if (request.method !== 'GET' || pathname.startsWith('/_next/') || pathname.startsWith('/api/')) return null;
  if (!(request.headers.get('accept') ?? '').includes('text/html')) return null;
  if (await databaseReachableForPage()) return null;
  return new NextResponse(page(nonce), {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS),
      'Cache-Control': 'no-store',
    },
  });
}
