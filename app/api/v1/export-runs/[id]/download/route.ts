import { rowIdSchema } from '@/lib/schemas/ids';
import { requireApiUser } from '@/server/auth/api-auth';
import { authSecret } from '@/server/auth/secret';
import { getDb } from '@/server/db';
import { openRunFile } from '@/server/services/export-schedules/download';
import { ApiError, apiErrorResponse } from '@/server/http/api-error';

/** A browser that followed the emailed link gets a page it can read, not JSON. */
function wantsHtml(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes('text/html');
}

function htmlPage(status: number, title: string, message: string): Response {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} · Holdfast</title></head><body><main><h1>${escape(title)}</h1><p>${escape(message)}</p><p><a href="/exports/schedules">Scheduled exports</a></p></main></body></html>`;
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store' },
  });
}

/**
 * GET /api/v1/export-runs/<id>/download?u&e&s: a scheduled export's file, from the link emailed to
 * one recipient. The caller must be signed in (or send their API token) and be that recipient;
 * the link's HMAC and expiry are checked (docs/data-contract.md). A browser without a session is
 * sent to sign in and back.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    let user;
    try {
      user = await requireApiUser(request);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'unauthorized' && wantsHtml(request)) {
        const url = new URL(request.url);
        const login = new URL('/login', url);
        login.searchParams.set('callbackUrl', url.pathname + url.search);
        return Response.redirect(login, 303);
      }
      throw error;
    }
    const id = rowIdSchema.safeParse(Number((await context.params).id));
    if (!id.success) throw new ApiError('not_found', 'This download link is not valid.');
    const file = await openRunFile(await getDb(), user, authSecret(), id.data, new URL(request.url).searchParams);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Content-Length': String(file.bytes.byteLength),
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof ApiError && wantsHtml(request) && error.code !== 'not_set_up') {
      const titles: Partial<Record<string, string>> = {
        gone: 'This link has expired',
        forbidden: 'This link is someone else’s',
        not_found: 'This link is not valid',
      };
      return htmlPage(error.status, titles[error.code] ?? 'The file cannot be downloaded', error.message);
    }
    return apiErrorResponse(error);
  }
}
