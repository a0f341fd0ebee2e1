import 'server-only';
import { MAX_LISTED_ERRORS, type ImportEntity, type ImportReport, type ImportRowError } from '@/lib/schemas/import';
import { csvHeader, csvLines } from '../export/csv-text';
import { unguardFormula } from './cell-values';
import type { CellError } from './row-reader';

/**
 * Tallies an import as it streams. The listed errors are capped, so memory does not grow with
 * the file; only the rejects CSV (skipInvalid) grows, with the number of invalid rows.
 */
export class ReportBuilder {
  rowsRead = 0;
  rowsInserted = 0;
  rowsUpdated = 0;
  invalidRows = 0;
  errorCount = 0;
  readonly errors: ImportRowError[] = [];
  private readonly rejects: string[] = [];

  constructor(
    readonly entity: ImportEntity,
    readonly skipInvalid: boolean,
    private readonly header: readonly string[],
  ) {
    if (skipInvalid) this.rejects.push(csvHeader([...header, 'reason'], 'lf'));
  }

  reject(line: number, cells: readonly string[], errors: readonly CellError[]): void {
    this.invalidRows++;
    this.errorCount += errors.length;
    for (const e of errors) {
      if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push({ line, ...e });
    }
    if (this.skipInvalid) {
      const reason = errors.map((e) => (e.column ? `${e.column}: ${e.reason}` : e.reason)).join('; ');
      const padded = this.header.map((_, i) => cells[i] ?? '');
      // Guarded as the exporter guards (a spreadsheet opens this file), from the text the importer
      // reads: a cell that already carried the guard keeps it once, so the file imports back the same.
      const data = [...padded, ...cells.slice(this.header.length)].map(unguardFormula);
      this.rejects.push(csvLines([[...data, reason]], 'all', 'lf'));
    }
  }

  written(counts: { inserted: number; updated: number }): void {
    this.rowsInserted += counts.inserted;
    this.rowsUpdated += counts.updated;
  }

  /** Whether the rows written so far are to be committed. */
  get acceptable(): boolean {
    return this.skipInvalid || this.invalidRows === 0;
  }

  build(committed: boolean, csvError: ImportReport['csvError'] = null): ImportReport {
    const rowsWritten = committed ? this.rowsInserted + this.rowsUpdated : 0;
    return {
      entity: this.entity,
      skipInvalid: this.skipInvalid,
      committed,
      rowsRead: this.rowsRead,
      rowsWritten,
      rowsInserted: committed ? this.rowsInserted : 0,
      rowsUpdated: committed ? this.rowsUpdated : 0,
      rowsRejected: this.rowsRead - rowsWritten,
      invalidRows: this.invalidRows,
      errorCount: this.errorCount,
      errors: this.errors,
      errorsTruncated: this.errorCount > this.errors.length,
      headerError: null,
      csvError,
      ...(committed && this.skipInvalid && this.invalidRows > 0 ? { rejectsCsv: this.rejects.join('') } : {}),
    };
  }
}

/** The report of a file refused before any row was read. */
export function refusedFileReport(
  entity: ImportEntity,
  skipInvalid: boolean,
  problem:
    { headerError: string; csvError?: null } | { headerError?: null; csvError: NonNullable<ImportReport['csvError']> },
): ImportReport {
  return {
    entity,
    skipInvalid,
    committed: false,
    rowsRead: 0,
    rowsWritten: 0,
    rowsInserted: 0,
    rowsUpdated: 0,
    rowsRejected: 0,
    invalidRows: 0,
    errorCount: 0,
    errors: [],
    errorsTruncated: false,
    headerError: problem.headerError ?? null,
    csvError: problem.csvError ?? null,
  };
}
