import createNextIntlPlugin from 'next-intl/plugin';

// The request's language and messages (no locale in the URL): i18n/request.ts.
const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time,
  // never bundled (bundling breaks it and would serve the WASM publicly).
  serverExternalPackages: ['@electric-sql/pglite', 'argon2', 'pg-boss', 'nodemailer'],
  poweredByHeader: false,
  // A second build beside the main one (a parallel checkout of pages) needs its own folder.
  distDir: process.env.HOLDFAST_DIST_DIR || '.next',
  // forbidden() answers 403 for pages a role may not open.
  experimental: { authInterrupts: true },
  // Every response: no MIME sniffing, only the origin in cross-site referrers. proxy.ts adds the
  // per-request Content-Security-Policy; requests with a body skip the proxy (see there) and get
  // a fixed one, as they only ever answer with data.
  async headers() {
    const everywhere = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    ];
    const dataOnly = [
      {
        key: 'Content-Security-Policy',
        value: "default-src 'none'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; form-action 'none'",
      },
    ];
    return [
      { source: '/:path*', headers: everywhere },
      { source: '/:path*', has: [{ type: 'header', key: 'content-length' }], headers: dataOnly },
      { source: '/:path*', has: [{ type: 'header', key: 'transfer-encoding' }], headers: dataOnly },
    ];
  },
};

export default withNextIntl(nextConfig);
