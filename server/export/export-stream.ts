import 'server-only';
import type { Sql } from 'postgres';
import type { Db } from '@/db/client';
import { postgresClientOf } from '@/db/postgres-client';
import { exportUrl, XLSX_MAX_DATA_ROWS } from '@/lib/schemas/exports';
import type { SessionUser } from '../auth/session-user';
import { ApiError } from '../http/api-error';
import { recordAudit } from '../services/audit';
import { copyOut } from './copy-reader';
import { copyCsvStatement } from './copy-statement';
import { CrlfRecords } from './crlf-records';
import { csvWriter } from './csv-writer';
import { forEachBatch } from './cursor';
import { planExport, type ExportPlan, type ExportRequest } from './plan';
import { countExportRows, exportSelect, rowCells } from './query';
import { StreamSink } from './stream-sink';
import type { ExportWriter } from './writer';
import { xlsxWriter } from './xlsx-writer';

export interface ExportOptions {
  /** The request's signal: a cut connection stops the cursor and errors the stream. */
  signal?: AbortSignal;
  /** Rows per cursor fetch. */
  batchSize?: number;
  /** Data rows one XLSX sheet may hold; smaller in tests. */
  xlsxRowLimit?: number;
  idleTimeoutMs?: number;
  /** Bytes queued ahead of a slow client before reading from the cursor pauses. */
  highWaterMark?: number;
  /**
   * `copy`: a CSV on a server streams `COPY … TO STDOUT`, formatted and guarded in SQL.
   * `cursor`: rows fetched in batches and written by Node (XLSX, PGlite). By format and driver when absent.
   */
  reader?: 'copy' | 'cursor';
}

export interface ExportDownload {
  plan: ExportPlan;
  contentType: string;
  /** The file; it ends with an error, never cleanly, when the export fails or is cut. */
  stream: ReadableStream<Uint8Array>;
}

const DEFAULT_BATCH_SIZE = 2000;
/** What the COPY path hands the response at a time: a few hundred rows. */
const COPY_CHUNK_BYTES = 64 * 1024;

/**
 * Starts an export: checks the caller may make it (reps 403, a regional manager only their region),
 * refuses an XLSX with more rows than a sheet holds before any byte is sent (CSV is offered
 * instead; a file is never truncated), then streams the rows: a CSV on a server through COPY,
 * anything else from a cursor. The audit log gets one
 * row when the stream ends: completed, failed or cancelled, with the row count.
 */
export async function startExport(
  db: Db,
  user: SessionUser,
  request: ExportRequest,
  options: ExportOptions = {},
): Promise<ExportDownload> {
  const plan = await planExport(db, user, request);
  const xlsxRowLimit = options.xlsxRowLimit ?? XLSX_MAX_DATA_ROWS;
  if (plan.format === 'xlsx') {
    const count = await countExportRows(db, plan);
    if (count > xlsxRowLimit) {
      throw new ApiError(
        'bad_request',
        `This export has ${count.toLocaleString('en')} rows, more than one XLSX sheet holds ` +
          `(${xlsxRowLimit.toLocaleString('en')} data rows). Download it as CSV instead: ` +
          exportUrl(plan.dataset, 'csv', plan.filters),
      );
    }
  }
  const sink = new StreamSink({
    signal: options.signal,
    idleTimeoutMs: options.idleTimeoutMs,
    highWaterMark: options.highWaterMark,
  });
  const writer = plan.format === 'csv' ? csvWriter(plan.columns, sink) : xlsxWriter(plan.columns, sink, plan.dataset);
  const copyClient = plan.format === 'csv' && options.reader !== 'cursor' ? postgresClientOf(db) : null;
  if (options.reader === 'copy' && copyClient === null)
    throw new Error('COPY exports need a PostgreSQL server and CSV.');
  const limits = { batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE, xlsxRowLimit };
  void produce(db, plan, sink, writer, limits, copyClient);
  return { plan, contentType: writer.contentType, stream: sink.stream };
}

interface ExportOutcome {
  status: 'completed' | 'failed' | 'cancelled';
  rowCount: number;
  error?: string;
}

function auditExport(db: Db, plan: ExportPlan, outcome: ExportOutcome): Promise<void> {
  return recordAudit(db, {
    actorId: plan.actorId,
    action: 'export',
    entity: plan.dataset,
    details: {
      format: plan.format,
      filters: plan.filters,
      omittedColumns: plan.omitted,
      ...outcome,
    },
  });
}

async function produce(
  db: Db,
  plan: ExportPlan,
  sink: StreamSink,
  writer: ExportWriter,
  limits: { batchSize: number; xlsxRowLimit: number },
  copyClient: Pick<Sql, 'begin'> | null,
): Promise<void> {
  let rowCount = 0;
  const crlf = new CrlfRecords();
  try {
    await writer.start();
    if (copyClient) {
      await copyOut(copyClient, copyCsvStatement(plan), {
        timezone: plan.timezone,
        signal: sink.signal,
        chunkBytes: COPY_CHUNK_BYTES,
        onChunk: (bytes) => sink.write(crlf.convert(bytes)),
      }).finally(() => (rowCount = crlf.records));
    } else
      await forEachBatch(db, exportSelect(plan), {
        batchSize: limits.batchSize,
        timezone: plan.timezone,
        signal: sink.signal,
        onBatch: async (rows) => {
          // Rows added after the count: an error rather than a silently truncated sheet.
          if (plan.format === 'xlsx' && rowCount + rows.length > limits.xlsxRowLimit) {
            throw new Error(`The export grew past the ${limits.xlsxRowLimit} rows an XLSX sheet holds; use CSV.`);
          }
          await writer.rows(rows.map((row) => rowCells(plan, row)));
          rowCount += rows.length;
        },
      });
    await writer.finish();
    await auditExport(db, plan, { status: 'completed', rowCount });
    sink.close();
  } catch (error) {
    writer.discard();
    const cancelled = sink.signal.aborted;
    const reason: unknown = cancelled ? sink.signal.reason : error;
    if (!cancelled) console.error(`Export of ${plan.dataset} failed after ${rowCount} rows:`, error);
    const message = reason instanceof Error ? reason.message : String(reason);
    await auditExport(db, plan, { status: cancelled ? 'cancelled' : 'failed', rowCount, error: message }).catch(
      (auditError: unknown) => console.error('Could not write the audit row of an export:', auditError),
    );
    sink.error(reason);
  }
}
