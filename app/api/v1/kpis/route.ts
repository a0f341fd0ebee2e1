import { describeKpiQueryError, kpiQuerySchema } from '@/lib/schemas/kpis';
import { requireApiUser } from '@/server/auth/api-auth';
import { getReadDb } from '@/server/db';
import { cancelOnAbort } from '@/db/query-cancellation';
import { ApiError, apiErrorResponse } from '@/server/http/api-error';
import { withHeavySlot } from '@/server/http/heavy-limit';
import { computeKpiDocument } from '@/server/metrics/kpi-document';
import { FIGURE_READERS, resolveKpiScope } from '@/server/metrics/scope';
import { getSettings } from '@/server/services/settings';

/**
 * GET /api/v1/kpis?from&to[&region][&rep]: the figures of docs/metrics.md, for exactly who may read them
 * on the dashboard and with the same scope (resolveKpiScope): a rep's token gets 403.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireApiUser(request, ...FIGURE_READERS);
    const parsed = kpiQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new ApiError('bad_request', describeKpiQueryError(parsed.error));
    // Within the process's limit for figure requests; a client that goes away cancels its queries.
    const kpis = await withHeavySlot(request.signal, () =>
      cancelOnAbort(request.signal, async () => {
        // Figures may lag by the replicas' max lag, unless this user just wrote.
        const db = await getReadDb(user.id);
        const filters = await resolveKpiScope(db, user, parsed.data);
        const settings = await getSettings(db);
        return computeKpiDocument(db, { from: parsed.data.from, to: parsed.data.to, ...filters, settings });
      }),
    );
    return Response.json(kpis, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
