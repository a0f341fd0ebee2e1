import { affectedCsvQuery } from '@/lib/schemas/outage-response';
import { requireApiUser } from '@/server/auth/api-auth';
import { getDb } from '@/server/db';
import { csvStream } from '@/server/export/csv-stream';
import { ApiError, apiErrorResponse } from '@/server/http/api-error';
import { affectedCustomersCsv } from '@/server/services/outages/affected-customers';

/**
 * GET /api/v1/outages/<ref>/affected-customers[?status=owed]: the outage's affected customers as
 * CSV (account_number, postcode, region_code) for the SMS provider, streamed page by page; with
 * `status=owed`, only those still owed an outage credit, with `owed_cents`. Managers and admins;
 * a regional manager gets their region's customers of an outage that affects their region.
 */
export async function GET(request: Request, context: { params: Promise<{ ref: string }> }): Promise<Response> {
  try {
    const user = await requireApiUser(request, 'manager', 'admin');
    const query = affectedCsvQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new ApiError('bad_request', 'status must be all or owed.');
    const ref = decodeURIComponent((await context.params).ref);
    // Authorisation and the outage lookup happen here, before the first byte is sent.
    const csv = await affectedCustomersCsv(await getDb(), user, { ref, status: query.data.status });
    return new Response(csvStream(csv, 'lf'), {
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
