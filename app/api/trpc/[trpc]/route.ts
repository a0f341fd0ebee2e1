import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { cancelOnAbort } from '@/db/query-cancellation';
import { createTRPCContext } from '@/server/api/context';
import { databaseOutageMeta } from '@/server/api/trpc-errors';
import { appRouter } from '@/server/api/root';
import { getDb } from '@/server/db';
import { apiErrorResponse } from '@/server/http/api-error';
import { readLimitedBody } from '@/server/http/body-limit';
import { assertSameOrigin } from '@/server/http/same-origin';
import { getSettings } from '@/server/services/settings';

/** A client that goes away cancels the queries its procedures still have running. */
function handle(req: Request) {
  return cancelOnAbort(req.signal, () =>
    fetchRequestHandler({
      endpoint: '/api/trpc',
      req,
      router: appRouter,
      createContext: createTRPCContext,
      responseMeta: databaseOutageMeta,
    }),
  );
}

/**
 * Mutations arrive as POST on the session cookie: a cross-site one is refused (CSRF), and the body
 * is read within maxRequestBodyBytes (413 beyond, however it is sent) before tRPC parses it.
 */
async function POST(req: Request): Promise<Response> {
  let limited: Request;
  try {
    assertSameOrigin(req);
    const { maxRequestBodyBytes } = await getSettings(await getDb());
    const body = await readLimitedBody(req, maxRequestBodyBytes, 'The request');
    const headers = new Headers(req.headers);
    // The body is now a buffer of known size: the original framing headers no longer describe it.
    headers.delete('content-length');
    headers.delete('transfer-encoding');
    limited = new Request(req.url, { method: req.method, headers, body, signal: req.signal });
  } catch (error) {
    return apiErrorResponse(error);
  }
  return handle(limited);
}

export { handle as GET, POST };
