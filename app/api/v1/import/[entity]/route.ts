import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { importEntitySchema, importQuerySchema } from '@/lib/schemas/import';
import { requireApiUser } from '@/server/auth/api-auth';
import { getDb } from '@/server/db';
import { ApiError, apiErrorResponse } from '@/server/http/api-error';
import { assertDeclaredLength, limitedBody } from '@/server/http/body-limit';
import { assertSameOrigin } from '@/server/http/same-origin';
import { executeImportRun, openImportRun } from '@/server/import/import-run';
import { noteWrite } from '@/server/read-your-writes';
import { getSettings } from '@/server/services/settings';

/**
 * POST /api/v1/import/<entity>[?skipInvalid=true], body: the CSV (streamed, never buffered whole).
 * 200 with the report when the rows were written, 422 with it when invalid rows stopped an
 * all-or-nothing import, 400 for an unknown entity, a refused header or malformed CSV. Each import
 * is recorded in import_runs, so it shows in the admin screen's history. 403 for a cross-site
 * request on the session cookie, 413 for a file over the upload limit (maxUploadBytes).
 */
export async function POST(request: Request, context: { params: Promise<{ entity: string }> }): Promise<Response> {
  try {
    assertSameOrigin(request);
    const user = await requireApiUser(request, 'admin');
    const entity = importEntitySchema.safeParse((await context.params).entity);
    if (!entity.success) throw new ApiError('bad_request', entity.error.issues[0]?.message ?? 'Unknown entity.');
    const query = importQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new ApiError('bad_request', 'skipInvalid must be true or false.');
    if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
      throw new ApiError(
        'bad_request',
        'Send the CSV itself as the request body (Content-Type: text/csv), not as a form upload.',
      );
    }
    if (!request.body) throw new ApiError('bad_request', 'The request body must be the CSV file.');

    const db = await getDb();
    const { reportTz, maxUploadBytes } = await getSettings(db);
    assertDeclaredLength(request, maxUploadBytes, 'The CSV file');
    const body = Readable.fromWeb(
      limitedBody(request.body, maxUploadBytes, 'The CSV file') as NodeReadableStream<Uint8Array>,
    );
    const run = await openImportRun(db, {
      entity: entity.data,
      fileName: null,
      skipInvalid: query.data.skipInvalid,
      startedById: user.id,
    });
    // The caller's figures then read from the primary until replicas hold the import.
    const { report } = await executeImportRun(db, run, body, { reportTz, source: 'api' }).finally(() =>
      noteWrite(user.id),
    );
    if (report.headerError) throw new ApiError('bad_request', report.headerError);
    if (report.csvError) throw new ApiError('bad_request', `Line ${report.csvError.line}: ${report.csvError.message}`);
    return Response.json(report, { status: report.committed ? 200 : 422 });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
