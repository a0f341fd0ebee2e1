import 'server-only';

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * The caller's address for sign-in throttling: the right-most X-Forwarded-For entry. A reverse
 * proxy appends the address it saw, so behind one the right-most entry is the one a client cannot
 * forge (entries to its left are the client's own claims); without a proxy Next fills the header
 * from the socket when the client sent none. Behind several proxies, have the outermost one set
 * the header rather than append. The per-account limit never depends on the address.
 */
export function clientIp(headers: HeaderBag): string {
  const forwarded = header(headers, 'x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last ? last.slice(0, 64) : 'unknown';
}
