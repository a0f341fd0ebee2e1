import 'server-only';
import { Readable } from 'node:stream';
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { importRuns, users } from '@/db/schema';
import { storedImportReportSchema, type ImportRunStatus, type StoredImportReport } from '@/lib/schemas/admin-imports';
import { IMPORT_ENTITIES, type ImportEntity, type ImportReport } from '@/lib/schemas/import';
import { ApiError } from '../http/api-error';
import { describeRunFailure, failStaleImportRuns, startHeartbeat } from './abandoned-runs';
import type { CsvInput } from './csv-records';
import { IMPORTERS } from './entities';
import { importCsv, type ImportOptions } from './import-csv';

const runNotFound = (id: number) =>
  new ApiError('not_found', `There is no import run ${id}.`, { key: 'importRunNotFound', params: { id: String(id) } });

/** An import_runs row that is running: what executeImportRun needs to finish it. */
export interface ImportRun {
  id: number;
  entity: ImportEntity;
  skipInvalid: boolean;
  startedById: number | null;
}

/** Records an import as running before its first row is read, so the history shows it at once. */
export async function openImportRun(
  db: Db,
  start: { entity: ImportEntity; fileName: string | null; skipInvalid: boolean; startedById: number | null },
): Promise<ImportRun> {
  const [row] = await db
    .insert(importRuns)
    .values({
      entity: start.entity,
      fileName: start.fileName,
      skipInvalid: start.skipInvalid,
      startedById: start.startedById,
      status: 'running',
      heartbeatAt: sql`now()`,
    })
    .returning({ id: importRuns.id });
  if (!row) throw new Error('Recording the import run returned no row.');
  return { id: row.id, entity: start.entity, skipInvalid: start.skipInvalid, startedById: start.startedById };
}

/** Progress is passed on after at least this many more rows, or this long since the last report. */
const PROGRESS_ROWS = 2000;
const PROGRESS_MS = 500;

export type RunOptions = Pick<ImportOptions, 'reportTz' | 'source' | 'batchSize' | 'onProgress'> & {
  /** How often the run's heartbeat is refreshed while it works. */
  heartbeatMs?: number;
};

/**
 * Runs the import of an open run and records how it ended: `committed`, `rejected` (invalid rows
 * under all or nothing, or a refused file: nothing written) or `failed` (an unexpected error,
 * rethrown; the import's transaction rolled back).
 *
 * While it works the run's heartbeat (and rows read) is refreshed every few seconds, so a run whose
 * process died is noticed and marked failed (abandoned-runs.ts). Progress for the uploader goes
 * to `onProgress` as it happens.
 */
export async function executeImportRun(
  db: Db,
  run: ImportRun,
  input: CsvInput,
  options: RunOptions,
): Promise<{ status: ImportRunStatus; report: ImportReport }> {
  let reported = 0;
  let reportedAt = Date.now();
  let rowsSoFar = 0;
  const onProgress = (rowsRead: number) => {
    rowsSoFar = rowsRead;
    if (rowsRead - reported < PROGRESS_ROWS && Date.now() - reportedAt < PROGRESS_MS) return;
    reported = rowsRead;
    reportedAt = Date.now();
    options.onProgress?.(rowsRead);
  };

  // An error of the upload itself (the client went away) is told apart from one of the import.
  let uploadBroke = false;
  if (input instanceof Readable) input.once('error', () => (uploadBroke = true));

  let report: ImportReport;
  const stopHeartbeat = startHeartbeat(db, run.id, () => rowsSoFar, options.heartbeatMs);
  try {
    report = await importCsv(db, run.entity, input, {
      skipInvalid: run.skipInvalid,
      reportTz: options.reportTz,
      actorId: run.startedById,
      source: options.source ?? 'api',
      onProgress,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    });
  } catch (error) {
    stopHeartbeat();
    await db
      .update(importRuns)
      .set({
        status: 'failed',
        finishedAt: new Date(),
        rowsRead: rowsSoFar,
        failureReason: describeRunFailure(error, uploadBroke),
      })
      .where(eq(importRuns.id, run.id))
      // The import's own error is the one worth reporting.
      .catch(() => undefined);
    throw error;
  }
  stopHeartbeat();

  const status: ImportRunStatus = report.committed ? 'committed' : 'rejected';
  const { rejectsCsv, ...stored } = report;
  await db
    .update(importRuns)
    .set({
      status,
      finishedAt: new Date(),
      rowsRead: report.rowsRead,
      rowsWritten: report.rowsWritten,
      rowsRejected: report.rowsRejected,
      report: stored,
      rejectsCsv: rejectsCsv ?? null,
      // A run judged dead while it was only slow ends with its real outcome.
      failureReason: null,
    })
    .where(eq(importRuns.id, run.id));
  return { status, report };
}

/** Each entity's columns, in the contract's import order, for the upload form's hint. */
export function importColumnHints(): Array<{ entity: ImportEntity; required: string[]; optional: string[] }> {
  return IMPORT_ENTITIES.map((entity) => {
    const columns = IMPORTERS[entity].columns;
    return {
      entity,
      required: columns.filter((c) => c.required).map((c) => c.name),
      optional: columns.filter((c) => !c.required).map((c) => c.name),
    };
  });
}

const runColumns = {
  id: importRuns.id,
  entity: importRuns.entity,
  fileName: importRuns.fileName,
  skipInvalid: importRuns.skipInvalid,
  status: importRuns.status,
  startedAt: importRuns.startedAt,
  finishedAt: importRuns.finishedAt,
  rowsRead: importRuns.rowsRead,
  rowsWritten: importRuns.rowsWritten,
  rowsRejected: importRuns.rowsRejected,
  hasRejects: sql<boolean>`${importRuns.rejectsCsv} is not null`,
  failureReason: importRuns.failureReason,
  startedByName: users.name,
  startedByEmail: users.email,
};

/** The latest imports, newest first; runs whose process has stopped are marked failed first. */
export async function listImportRuns(db: Db, limit = 50) {
  await failStaleImportRuns(db);
  return db
    .select(runColumns)
    .from(importRuns)
    .leftJoin(users, eq(users.id, importRuns.startedById))
    .orderBy(desc(importRuns.startedAt), desc(importRuns.id))
    .limit(limit);
}

/** One run with its stored report (null while running or when it failed). */
export async function getImportRun(db: Db, id: number) {
  await failStaleImportRuns(db);
  const [row] = await db
    .select({ ...runColumns, report: importRuns.report })
    .from(importRuns)
    .leftJoin(users, eq(users.id, importRuns.startedById))
    .where(eq(importRuns.id, id));
  if (!row) throw runNotFound(id);
  const report: StoredImportReport | null = row.report ? storedImportReportSchema.parse(row.report) : null;
  return { ...row, report };
}

/** The rejects CSV of a run that wrote the valid rows and left some out. */
export async function getImportRejects(db: Db, id: number) {
  const [row] = await db
    .select({ entity: importRuns.entity, fileName: importRuns.fileName, rejectsCsv: importRuns.rejectsCsv })
    .from(importRuns)
    .where(eq(importRuns.id, id));
  if (!row) throw runNotFound(id);
  if (row.rejectsCsv === null) {
    throw new ApiError('not_found', `Import run ${id} has no rejected rows to download.`, {
      key: 'importNoRejects',
      params: { id: String(id) },
    });
  }
  return { entity: row.entity, fileName: row.fileName, csv: row.rejectsCsv };
}
