import { auditFiltersOf, auditRequest } from '@/lib/schemas/audit-log';
import { requireApiUser } from '@/server/auth/api-auth';
import { getDb } from '@/server/db';
import { csvStream } from '@/server/export/csv-stream';
import { ApiError, apiErrorResponse } from '@/server/http/api-error';
import { auditCsv } from '@/server/services/audit-log/export';
import { getSettings } from '@/server/services/settings';

/**
 * GET /api/v1/admin/audit.csv?actor=&entity=&id=&action=&from=&to= — the audit rows the filters of
 * /admin/audit select, newest first, as CSV (days in the report time zone). Admins only.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const user = await requireApiUser(request, 'admin');
    const params = new URL(request.url).searchParams;
    const parsed = auditRequest({
      actor: params.get('actor'),
      entity: params.get('entity'),
      id: params.get('id'),
      action: params.get('action'),
      from: params.get('from'),
      to: params.get('to'),
      page: 1,
    });
    if (!parsed.ok) throw new ApiError('bad_request', parsed.error);
    const db = await getDb();
    const { reportTz } = await getSettings(db);
    const csv = await auditCsv(db, user, auditFiltersOf(parsed.input), reportTz);
    return new Response(csvStream(csv, 'crlf'), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${csv.filename}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
