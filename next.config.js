/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time,
  // never bundled (bundling breaks it and would serve the WASM publicly).
  serverExternalPackages: ['@electric-sql/pglite', 'argon2'],
  poweredByHeader: false,
  // A second build beside the main one (a parallel checkout of pages) needs its own folder.
  distDir: process.env.HOLDFAST_DIST_DIR || '.next',
  // forbidden() answers 403 for pages a role may not open.
  experimental: { authInterrupts: true },
};

export default nextConfig;
