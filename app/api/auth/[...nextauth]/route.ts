import NextAuth from 'next-auth';
import { loadAuthOptions } from '@/server/auth/options';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request: the secret may be generated into the data directory at first
// use, and the cookie lifetime follows the settings.
async function handler(req: Request, context: RouteContext) {
  return (NextAuth(await loadAuthOptions()) as (req: Request, context: RouteContext) => Promise<Response>)(req, context);
}

export { handler as GET, handler as POST };
