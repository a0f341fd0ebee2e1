import { requireApiUser } from '@/server/auth/api-auth';
import { getDb } from '@/server/db';
import { ApiError, apiErrorResponse } from '@/server/http/api-error';
import { getImportRejects } from '@/server/import/import-run';

/** GET /api/v1/admin/imports/<id>/rejects — the rows an "import the valid rows" run left out, plus `reason`. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    await requireApiUser(request, 'admin');
    const raw = (await context.params).id;
    const id = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id) || id <= 0)
      throw new ApiError('not_found', `There is no import run ${raw}.`);
    const rejects = await getImportRejects(await getDb(), id);
    const stem = (rejects.fileName ?? rejects.entity).replace(/\.csv$/i, '').replace(/[^A-Za-z0-9._-]+/g, '_');
    return new Response(rejects.csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${stem}-rejects-${id}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    return apiErrorResponse(error);
  }
}
