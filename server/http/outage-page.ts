import { NextResponse, type NextRequest } from 'next/server';
import { databaseReachableForPage } from '@/db/reachability';
import { translatorFor } from '@/i18n/translator';
import { LOCALE_COOKIE, resolveLocale, type Locale } from '@/lib/locales';
import { DATABASE_RETRY_AFTER_SECONDS } from './database-unavailable-message';

const page = (nonce: string, locale: Locale) => {
  const t = translatorFor(locale, 'common');
  const seconds = DATABASE_RETRY_AFTER_SECONDS;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${DATABASE_RETRY_AFTER_SECONDS}"><title>${t('outagePage.title')}</title>
<style nonce="${nonce}">body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #1f2933 } h1 { font-size: 1.4rem }</style></head>
<body>
<h1>${t('outagePage.heading')}</h1>
<p>${t('outagePage.body', { seconds })}</p>
</body></html>`;
};

/**
 * While the database is unreachable, a page request gets this 503 at once instead of a render
 * that would fail (the API routes answer their own JSON 503).
 */
export async function databaseOutagePage(request: NextRequest, nonce: string): Promise<NextResponse | null> {
  const { pathname } = request.nextUrl;
  if (request.method !== 'GET' || pathname.startsWith('/_next/') || pathname.startsWith('/api/')) return null;
  if (!(request.headers.get('accept') ?? '').includes('text/html')) return null;
  if (await databaseReachableForPage()) return null;
  // No user preference without the database: the cookie, else the browser's languages.
  const locale = resolveLocale({
    preference: null,
    cookie: request.cookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: request.headers.get('accept-language'),
  });
  return new NextResponse(page(nonce, locale), {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS),
      'Cache-Control': 'no-store',
    },
  });
}
