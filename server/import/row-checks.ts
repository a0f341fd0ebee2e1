import 'server-only';
import type { CsvRecord } from './csv-records';
import type { EntityImporter } from './entity';
import type { ImportWriter } from './import-writer';
import { recordCellErrors } from './cell-checks';
import { missingReason, resolveReferences, type Lookup, type RefRequest } from './references';
import type { ReportBuilder } from './report-builder';
import type { CellError, RowReader } from './row-reader';

export interface PendingRow {
  line: number;
  cells: string[];
  draft: unknown;
  errors: CellError[];
  refs: RefRequest[];
}

/** One record read as a draft, with the errors found without the database. */
export function readRow(
  record: CsvRecord,
  names: readonly string[],
  maxCellLength: number,
  reader: RowReader,
  importer: EntityImporter<unknown>,
): PendingRow {
  const { line, cells } = record;
  if (cells.length !== names.length) {
    const reason = `this row has ${cells.length} fields but the header has ${names.length} (an unquoted comma or a missing field?)`;
    return { line, cells, draft: null, errors: [{ column: '', value: '', reason }], refs: [] };
  }
  // A cell that is not UTF-8 or is too long is reported alone: read as a value it would only add noise.
  const cellErrors = recordCellErrors(record, names, maxCellLength);
  if (cellErrors.length > 0) return { line, cells, draft: null, errors: cellErrors, refs: [] };
  reader.load(cells);
  const draft = importer.parse(reader);
  const errors = reader.errors;
  return { line, cells, draft: errors.length === 0 ? draft : null, errors, refs: reader.refs };
}

/**
 * Resolves the batch's references in bulk and runs the remaining checks: afterwards each row
 * holds all its errors. Returns the valid rows and the references resolved.
 */
export async function checkRows(
  out: ImportWriter,
  importer: EntityImporter<unknown>,
  batch: PendingRow[],
): Promise<{ valid: PendingRow[]; lookup: Lookup }> {
  const lookup = await resolveReferences(
    out.db,
    batch.flatMap((row) => row.refs),
  );
  for (const row of batch) {
    for (const ref of row.refs) {
      if (!lookup.has(ref.kind, ref.key))
        row.errors.push({ column: ref.column, value: ref.value, reason: missingReason(ref) });
    }
    if (row.errors.length === 0 && row.draft !== null && importer.check)
      row.errors.push(...importer.check(row.draft, lookup));
  }
  let valid = batch.filter((row) => row.errors.length === 0 && row.draft !== null);
  if (importer.checkBatch && valid.length > 0) {
    const extra = await importer.checkBatch(
      out,
      valid.map((row) => row.draft),
      lookup,
    );
    valid.forEach((row, i) => row.errors.push(...(extra[i] ?? [])));
    valid = valid.filter((row) => row.errors.length === 0);
  }
  return { valid, lookup };
}

/** Checks the batch, reports its invalid rows and writes the valid ones. */
export async function processBatch(
  out: ImportWriter,
  importer: EntityImporter<unknown>,
  batch: PendingRow[],
  present: ReadonlySet<string>,
  report: ReportBuilder,
): Promise<void> {
  if (batch.length === 0) return;
  const { valid, lookup } = await checkRows(out, importer, batch);
  for (const row of batch) {
    if (row.errors.length > 0) report.reject(row.line, row.cells, row.errors);
  }
  // Rows are written even after an invalid one in all-or-nothing mode: later batches are then
  // checked against the same state (e.g. one outage credit per customer), and the end rolls back.
  if (valid.length > 0) {
    await importer.write(
      out,
      valid.map((row) => row.draft),
      lookup,
      present,
    );
  }
}
