import 'server-only';
import { CsvError } from 'csv-parse';
import { isSingleConnection, type Db } from '@/db/client';
import type { ImportEntity, ImportReport } from '@/lib/schemas/import';
import { copyImport } from './copy/copy-import';
import { COPY_PLANS } from './copy/plans';
import { csvRecords, type CsvInput, type CsvRecord } from './csv-records';
import { IMPORTERS } from './entities';
import type { EntityImporter } from './entity';
import { DirectWriter, type ImportWriter } from './import-writer';
import { checkHeader } from './header';
import { auditImport } from './import-audit';
import { refusedFileReport, ReportBuilder } from './report-builder';
import { processBatch, readRow, type PendingRow } from './row-checks';
import { RowReader } from './row-reader';
import { defaultWriteMode, StagedWriter } from './staged-writer';
import { isValidTimeZone } from './zoned-time';
import { getSettings } from '../services/settings';

export interface ImportOptions {
  /** Write the valid rows and return the invalid ones as a rejects CSV, instead of all or nothing. */
  skipInvalid: boolean;
  /** `YYYY-MM-DD` means midnight in this zone. */
  reportTz: string;
  /** Called after each batch with the number of data rows read so far. */
  onProgress?: (rowsRead: number) => void;
  /** Who imports, for the audit log; null for the command line. */
  actorId?: number | null;
  /** Where the import came from, for the audit log. */
  source?: 'cli' | 'api' | 'fixture';
  batchSize?: number;
  /**
   * `transaction`: every batch written inside one transaction spanning the file (PostgreSQL, where
   * other connections go on meanwhile). `staged`: rows kept aside in batches, then moved in one
   * short transaction (PGlite's one connection is then free between batches). By driver when absent.
   */
  writeMode?: 'transaction' | 'staged';
  /** Longest accepted cell, in characters; the maxImportCellLength setting when not given. */
  maxCellLength?: number;
  /**
   * `copy`: on a PostgreSQL server, in `transaction` mode, an entity with a COPY plan is streamed into
   * a staging table and checked in SQL (copy/copy-import.ts). `rows`: read and checked row by row.
   */
  reader?: 'copy' | 'rows';
  /** Told how the rows were checked: in SQL (`copy`) or row by row (`rows`, also a COPY import's replay). */
  onReader?: (reader: 'copy' | 'rows') => void;
}

/** Large enough to amortise round trips, small enough for PostgreSQL's 65,535 bind parameters. */
const DEFAULT_BATCH_SIZE = 2000;

/** Thrown to undo (or not to make) the writes of an all-or-nothing import that found invalid rows. */
class Rollback extends Error {}

/**
 * Imports one entity's CSV. The file is streamed and checked in batches, so memory stays flat.
 * Valid rows are written inside one transaction, or staged and moved in one at the end (see
 * `writeMode`); when a row is invalid and `skipInvalid` is off, nothing is written — the same
 * all-or-nothing outcome as validating everything first.
 */
export async function importCsv(
  db: Db,
  entity: ImportEntity,
  input: CsvInput,
  options: ImportOptions,
): Promise<ImportReport> {
  if (!isValidTimeZone(options.reportTz)) {
    throw new Error(`REPORT_TZ "${options.reportTz}" is not a known IANA time zone.`);
  }
  const maxCellLength = options.maxCellLength ?? (await getSettings(db)).maxImportCellLength;
  const plan = COPY_PLANS[entity];
  const copyWay =
    plan !== undefined &&
    options.reader !== 'rows' &&
    (options.writeMode ?? defaultWriteMode(db)) === 'transaction' &&
    !isSingleConnection(db);
  if (copyWay) return copyImport(db, entity, plan, input, { ...options, maxCellLength });
  return importRecords(db, entity, csvRecords(input), { ...options, maxCellLength });
}

/** The row-by-row import of records (the first is the header). */
export async function importRecords(
  db: Db,
  entity: ImportEntity,
  records: AsyncGenerator<CsvRecord>,
  options: ImportOptions & { maxCellLength: number },
): Promise<ImportReport> {
  const importer = IMPORTERS[entity];
  const { maxCellLength } = options;
  let report: ReportBuilder | null = null;
  try {
    const first = await records.next();
    const header = checkHeader(entity, first.done ? undefined : first.value.cells, importer.columns);
    if (!header.ok) return refusedFileReport(entity, options.skipInvalid, { headerError: header.message });
    const builder = (report = new ReportBuilder(entity, options.skipInvalid, header.names));
    options.onReader?.('rows');

    const readAll = (out: ImportWriter, yieldBetweenBatches: boolean) =>
      readAndWrite(out, records, importer, builder, {
        names: header.names,
        reader: new RowReader(header.columns, options.reportTz),
        maxCellLength,
        batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
        yieldBetweenBatches,
        onProgress: options.onProgress,
      });
    const audit = (tx: Db) => auditImport(tx, entity, options, builder);

    if ((options.writeMode ?? defaultWriteMode(db)) === 'transaction') {
      await db.transaction(async (tx) => {
        const out = new DirectWriter(tx);
        await readAll(out, false);
        if (!builder.acceptable) throw new Rollback();
        builder.written(out.counts);
        await audit(tx);
      });
    } else {
      const out = new StagedWriter(db);
      try {
        await readAll(out, true);
        if (!builder.acceptable) throw new Rollback();
        await db.transaction(async (tx) => {
          builder.written(await out.finish(tx));
          await audit(tx);
        });
      } finally {
        // A database that failed the import may fail this too; the import's error is the one to report.
        await out.dispose().catch(() => undefined);
      }
    }
    return builder.build(true);
  } catch (error) {
    if (error instanceof Rollback && report) return report.build(false);
    if (error instanceof CsvError) {
      const line = Number((error as { lines?: unknown }).lines ?? 0);
      const csvError = { line, message: `The file is not valid CSV: ${error.message}` };
      return report ? report.build(false, csvError) : refusedFileReport(entity, options.skipInvalid, { csvError });
    }
    throw error;
  } finally {
    await records.return(undefined);
  }
}

interface ReadSettings {
  names: readonly string[];
  reader: RowReader;
  maxCellLength: number;
  batchSize: number;
  /** Let other work (other requests' queries, on PGlite's one connection) run between batches. */
  yieldBetweenBatches: boolean;
  onProgress: ((rowsRead: number) => void) | undefined;
}

/** Reads the remaining records in batches, checks them and hands the valid rows to `out`. */
async function readAndWrite(
  out: ImportWriter,
  records: AsyncGenerator<CsvRecord>,
  importer: EntityImporter<unknown>,
  builder: ReportBuilder,
  settings: ReadSettings,
): Promise<void> {
  const { names, reader, maxCellLength, batchSize } = settings;
  const present = new Set(names);
  let batch: PendingRow[] = [];
  const keys = new Set<string>();
  const flush = async () => {
    await processBatch(out, importer, batch, present, builder);
    batch = [];
    keys.clear();
    settings.onProgress?.(builder.rowsRead);
    if (settings.yieldBetweenBatches) await new Promise((resolve) => setImmediate(resolve));
  };

  for await (const record of remaining(records)) {
    builder.rowsRead++;
    const row = readRow(record, names, maxCellLength, reader, importer);
    if (row.draft !== null) {
      const key = importer.key(row.draft);
      // One INSERT … ON CONFLICT cannot touch a row twice: a repeated key starts a new batch (last one wins).
      if (keys.has(key)) await flush();
      keys.add(key);
    }
    batch.push(row);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
}

function remaining(records: AsyncGenerator<CsvRecord>): AsyncIterable<CsvRecord> {
  return { [Symbol.asyncIterator]: () => records };
}

