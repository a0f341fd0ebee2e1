// Any parseable origin will do: it only lets the URL parser resolve a path the way a browser would.
const PROBE_ORIGIN = 'http://holdfast.invalid';

// Browsers drop tabs and newlines inside URLs and read a backslash as a slash, so `/\evil.example`
// and `/<tab>/evil.example` both become `//evil.example`: another site. Refuse them outright.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

/**
 * Where to send the user after signing in: a path on this site, or '/' for anything that could
 * leave it (protocol-relative and absolute URLs, `javascript:`, backslash and control-character
 * tricks). An absolute URL is kept only when its origin is `siteOrigin`.
 */
export function safeCallbackPath(value: string | null | undefined, siteOrigin?: string): string {
  if (!value || value.length > 2048 || UNSAFE_CHARACTERS.test(value)) return '/';
  let url: URL;
  try {
    if (value.startsWith('/')) {
      url = new URL(value, PROBE_ORIGIN);
      if (url.origin !== PROBE_ORIGIN) return '/';
    } else {
      if (!siteOrigin) return '/';
      url = new URL(value);
      if (url.origin !== new URL(siteOrigin).origin) return '/';
    }
  } catch {
    return '/';
  }
  // Dot segments can still collapse into a protocol-relative path: `/.//evil.example`.
  if (url.pathname.startsWith('//')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
