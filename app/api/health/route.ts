import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { getDb } from '@/server/db';
import { apiErrorResponse } from '@/server/http/api-error';

/**
 * GET /api/health — 200 `{ "database": "reachable" }`, or 503 with Retry-After while the database
 * cannot be reached. Public: it tells nothing but that, for load balancers, operators and the
 * app's own error page (which waits on it before reloading).
 */
export async function GET(): Promise<Response> {
  try {
    await queryRows(await getDb(), sql`select 1`);
    return Response.json({ database: 'reachable' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
