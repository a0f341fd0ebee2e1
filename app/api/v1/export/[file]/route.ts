import { exportFileSchema } from '@/lib/schemas/exports';
import { describeKpiQueryError, kpiQuerySchema } from '@/lib/schemas/kpis';
import { requireApiUser } from '@/server/auth/api-auth';
import { getReadDb } from '@/server/db';
import { startExport } from '@/server/export/export-stream';
import { EXPORT_ROLES } from '@/server/export/plan';
import { ApiError, apiErrorResponse } from '@/server/http/api-error';
import { withHeavySlot } from '@/server/http/heavy-limit';

/**
 * GET /api/v1/export/<dataset>.<csv|xlsx>?from&to[&region][&rep]: the dataset's rows in its import
 * columns, streamed from a database cursor. Errors before the first byte are JSON (docs/data-contract.md);
 * after it, a failure or a cut connection ends the body with an error instead of a clean end.
 */
export async function GET(request: Request, context: { params: Promise<{ file: string }> }): Promise<Response> {
  try {
    const user = await requireApiUser(request, ...EXPORT_ROLES);
    const file = exportFileSchema.safeParse((await context.params).file);
    if (!file.success) throw new ApiError('not_found', file.error.issues[0]?.message ?? 'No such export.');
    const query = kpiQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new ApiError('bad_request', describeKpiQueryError(query.error));

    // Rows are read from a replica when one is fresh (the audit row is written to the primary).
    // Starting (scope, plan, row count) is within the limit for figure requests; the download is not.
    const download = await withHeavySlot(request.signal, async () =>
      startExport(await getReadDb(user.id), user, { ...file.data, ...query.data }, { signal: request.signal }),
    );
    return new Response(download.stream, {
      headers: {
        'Content-Type': download.contentType,
        'Content-Disposition': `attachment; filename="${download.plan.fileName}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
