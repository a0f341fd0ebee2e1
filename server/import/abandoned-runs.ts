import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, DbHandle } from '@/db/client';
import { importRuns } from '@/db/schema';
import { isDatabaseUnavailable } from '../http/database-unavailable';

/** A working run refreshes its heartbeat this often… */
export const HEARTBEAT_MS = 5_000;
/** …so one silent for this long belongs to a process that has stopped (killed, crashed, restarted). */
export const STALE_AFTER_MS = 60_000;

const lastSign = sql`coalesce(${importRuns.heartbeatAt}, ${importRuns.startedAt})`;

/** Marks failed the running runs matched by `where`, saying since when their process has been silent. */
async function failSilentRuns(db: Db, where: SQL | undefined): Promise<number> {
  const failed = await db
    .update(importRuns)
    .set({
      status: 'failed',
      finishedAt: sql`now()`,
      failureReason: sql`'the importing process stopped (no heartbeat since ' || to_char(${lastSign} at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC)'`,
    })
    .where(and(eq(importRuns.status, 'running'), where))
    .returning({ id: importRuns.id });
  return failed.length;
}

/** Runs whose heartbeat stopped more than STALE_AFTER_MS ago; called whenever the history is read. */
export function failStaleImportRuns(db: Db): Promise<number> {
  return failSilentRuns(db, sql`${lastSign} < now() - make_interval(secs => ${STALE_AFTER_MS / 1000})`);
}

/**
 * At start-up, before this process starts any import. On PGlite the directory lock means no
 * other process can be importing, so every running run is dead; on a server other instances may
 * be importing, so only runs with a stale heartbeat are.
 */
export async function failAbandonedImportRuns(handle: Pick<DbHandle, 'db' | 'driver'>): Promise<number> {
  return handle.driver === 'pglite' ? failSilentRuns(handle.db, undefined) : failStaleImportRuns(handle.db);
}

/**
 * Refreshes a run's heartbeat (and rows read, for the history) every HEARTBEAT_MS until stopped.
 * A missed beat is not an error: the import itself reports what went wrong.
 */
export function startHeartbeat(db: Db, runId: number, rowsRead: () => number, everyMs = HEARTBEAT_MS): () => void {
  const timer = setInterval(() => {
    void db
      .update(importRuns)
      .set({ heartbeatAt: sql`now()`, rowsRead: rowsRead() })
      .where(and(eq(importRuns.id, runId), eq(importRuns.status, 'running')))
      .catch(() => undefined);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Why a run failed, in words for the admin history: never SQL, hosts or stack traces. */
export function describeRunFailure(error: unknown, uploadBroke = false): string {
  if (uploadBroke) return 'the upload was interrupted before the end of the file';
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const { name, code } = e as { name?: unknown; code?: unknown };
    if (name === 'AbortError' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ABORT_ERR') {
      return 'the upload was interrupted before the end of the file';
    }
  }
  if (isDatabaseUnavailable(error)) return 'the database could not be reached';
  return 'an unexpected server error stopped the import (details are in the server log)';
}
