import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { exportRunRecipients, exportRuns } from '@/db/schema';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';
import { verifyExportLink } from './links';

export interface RunFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * The file behind an emailed link, for the signed-in user: the link's MAC must match (404
 * otherwise, so links cannot be guessed or altered), it must be the user's own (403: it was sent
 * to someone else), not past its expiry and the file still kept (410).
 */
export async function openRunFile(
  db: Db,
  user: SessionUser,
  secret: string,
  runId: number,
  query: URLSearchParams,
  now: Date = new Date(),
): Promise<RunFile> {
  const link = verifyExportLink(secret, runId, query);
  if (!link) throw new ApiError('not_found', 'This download link is not valid. Use the link from the email as it is.');
  if (link.userId !== user.id) {
    throw new ApiError('forbidden', 'This download link was sent to someone else; sign in as its recipient to use it.');
  }
  const expiredMessage =
    'This download link has expired and the file is no longer kept. The next scheduled run sends a new one; ' +
    "ask the schedule's owner if you need this one again.";
  if (link.expires * 1000 <= now.getTime()) throw new ApiError('gone', expiredMessage);
  const [row] = await db
    .select({
      fileName: exportRuns.fileName,
      contentType: exportRuns.contentType,
      file: exportRuns.file,
      linkExpiresAt: exportRuns.linkExpiresAt,
    })
    .from(exportRuns)
    .innerJoin(exportRunRecipients, eq(exportRunRecipients.runId, exportRuns.id))
    .where(and(eq(exportRuns.id, runId), eq(exportRunRecipients.userId, user.id)));
  // A deleted schedule takes its runs along: the link names a file that is gone.
  if (!row) throw new ApiError('gone', expiredMessage);
  if (!row.file || !row.fileName || !row.contentType || (row.linkExpiresAt && row.linkExpiresAt <= now)) {
    throw new ApiError('gone', expiredMessage);
  }
  return { fileName: row.fileName, contentType: row.contentType, bytes: row.file };
}
