import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/options';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request: the secret may be generated into the data directory at first use.
async function handler(req: Request, context: RouteContext) {
  return (NextAuth(authOptions()) as (req: Request, context: RouteContext) => Promise<Response>)(req, context);
}

export { handler as GET, handler as POST };
