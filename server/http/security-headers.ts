import 'server-only';

export interface PolicyOptions {
  /** A fresh random value per response; Next.js reads it from the request's policy and puts it on its scripts. */
  nonce: string;
  /** Development needs eval (React's error overlay rebuilds server stacks with it). */
  development: boolean;
  /** Served over https (the public URL is https). */
  https: boolean;
}

/** 128 random bits, base64: what a CSP nonce needs to be unguessable. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/**
 * The Content-Security-Policy of every response. Scripts run only when they carry the nonce or
 * were loaded by one that does ('strict-dynamic': Next's chunks); style elements likewise. Style
 * attributes stay allowed: server-rendered markup (chart sizes, heat-map cells, progress bars)
 * carries them, a nonce cannot cover an attribute, and they cannot run script.
 */
export function contentSecurityPolicy({ nonce, development, https }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** One year, subdomains included (ASVS 5.0 3.4.1 at level 2); only ever sent when the site is https. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** The headers the proxy adds to a response (nosniff and Referrer-Policy come from next.config.js). */
export function securityHeaders(options: PolicyOptions): {
  'Content-Security-Policy': string;
  'Strict-Transport-Security'?: string;
} {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    ...(options.https ? { 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : {}),
  };
}
