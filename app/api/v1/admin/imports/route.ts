import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Db } from '@/db/client';
import { adminImportQuerySchema, type ImportStreamEvent } from '@/lib/schemas/admin-imports';
import { requireApiUser } from '@/server/auth/api-auth';
import { getDb } from '@/server/db';
import { ApiError, apiErrorResponse } from '@/server/http/api-error';
import { assertDeclaredLength, limitedBody } from '@/server/http/body-limit';
import { assertSameOrigin } from '@/server/http/same-origin';
import { executeImportRun, openImportRun, type ImportRun } from '@/server/import/import-run';
import { noteWrite } from '@/server/read-your-writes';
import { getSettings } from '@/server/services/settings';

/**
 * POST /api/v1/admin/imports?entity=&skipInvalid=&fileName= — the admin screen's upload; the body
 * is the CSV itself (streamed into the importer, never buffered whole).
 *
 * The answer is NDJSON (one ImportStreamEvent a line): `started` with the run id, `progress` with
 * the rows read so far, then `done` with the report or `error`. Progress travels on this response
 * rather than through a polled query because on PGlite (one connection) any other request's
 * queries — even the session lookup — wait until the import's transaction ends, so a poll could
 * not answer before the import is over; the stream needs no query and works the same on PostgreSQL.
 * Refusals before the import starts (401/403/400, 413 over the upload limit) are the usual JSON
 * errors; a body that outgrows the limit while streaming ends the import with an `error` event.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request);
    const user = await requireApiUser(request, 'admin');
    const query = adminImportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new ApiError('bad_request', query.error.issues[0]?.message ?? 'Check the query.');
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
    const run = await openImportRun(db, {
      entity: query.data.entity,
      fileName: query.data.fileName,
      skipInvalid: query.data.skipInvalid,
      startedById: user.id,
    });
    const body = Readable.fromWeb(
      limitedBody(request.body, maxUploadBytes, 'The CSV file') as NodeReadableStream<Uint8Array>,
    );
    return new Response(importEvents(db, run, body, reportTz), {
      headers: {
        'Content-Type': 'application/x-ndjson; charset=utf-8',
        // no-transform keeps compression from holding progress lines back.
        'Cache-Control': 'no-store, no-transform',
        'X-Accel-Buffering': 'no',
      },
    });
  } catch (error) {
    return apiErrorResponse(error);
  }
}

function importEvents(db: Db, run: ImportRun, body: Readable, reportTz: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let open = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: ImportStreamEvent) => {
        if (open) controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      };
      send({ type: 'started', runId: run.id });
      void executeImportRun(db, run, body, {
        reportTz,
        source: 'api',
        onProgress: (rowsRead) => send({ type: 'progress', runId: run.id, rowsRead }),
      })
        .then(({ status, report }) => {
          const { rejectsCsv, ...stored } = report;
          send({ type: 'done', runId: run.id, status, report: stored, hasRejects: rejectsCsv !== undefined });
        })
        .catch((error: unknown) => {
          if (error instanceof ApiError) {
            send({
              type: 'error',
              runId: run.id,
              error: { code: error.code, message: `${error.message} Nothing was written.` },
            });
            return;
          }
          console.error(error);
          const message = 'The import could not finish (an interrupted upload or a server error). Nothing was written.';
          send({ type: 'error', runId: run.id, error: { code: 'internal', message } });
        })
        .finally(() => {
          // The admin's figures then read from the primary until replicas hold the import.
          if (run.startedById !== null) noteWrite(run.startedById);
          if (open) controller.close();
          open = false;
        });
    },
    cancel() {
      // The browser went away; the import still ends (or fails) and is recorded in the history.
      open = false;
    },
  });
}
