import 'server-only';
import net from 'node:net';

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The first four groups of an IPv6 address, expanded: its /64 network. */
function ipv6Network(address: string): string {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The caller's address for sign-in throttling: the right-most X-Forwarded-For entry. A reverse
 * proxy appends the address it saw, so behind one the right-most entry is the one a client cannot
 * forge (entries to its left are the client's own claims); without a proxy Next fills the header
 * from the socket when the client sent none. Behind several proxies, have the outermost one set
 * the header rather than append. The per-account limit never depends on the address.
 * IPv4-mapped addresses count as IPv4, and IPv6 by /64: one host usually holds a whole /64.
 */
export function clientIp(headers: HeaderBag): string {
  const last = header(headers, 'x-forwarded-for')?.split(',').at(-1)?.trim() ?? '';
  const address = last.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (net.isIPv4(address)) return address;
  if (net.isIPv6(address)) return ipv6Network(address);
  return 'unknown';
}
