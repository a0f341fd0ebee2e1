import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { affectedCsvQuery } from '@/lib/schemas/outage-response';
import { requireApiUser } from '@/server/auth/api-auth';
import { getDb } from '@/server/db';
import { ApiError, apiErrorResponse } from '@/server/http/api-error';
import { affectedCustomersCsv, type AffectedCustomerRow } from '@/server/services/outages/affected-customers';

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
    const stringifier = stringify({ header: true, columns: csv.columns });
    void pump(csv.batches, stringifier);
    return new Response(Readable.toWeb(stringifier) as ReadableStream, {
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

/** Writes the pages into the CSV stream, waiting when the client reads slower than the database. */
async function pump(batches: AsyncGenerator<AffectedCustomerRow[]>, out: ReturnType<typeof stringify>): Promise<void> {
  try {
    for await (const rows of batches) {
      for (const row of rows) {
        if (out.destroyed) return;
        // A client that went away closes the stream instead of draining it.
        if (!out.write(row)) await new Promise((resolve) => out.once('drain', resolve).once('close', resolve));
      }
    }
    out.end();
  } catch (error) {
    console.error(error);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
