import 'server-only';
import { stringify, type Options } from 'csv-stringify/sync';
import type { ExportColumn } from './datasets';
import { guardFormula } from './formula-guard';
import type { ColumnKind } from './sql-format';
import type { StreamSink } from './stream-sink';
import type { ExportWriter } from './writer';

/**
 * RFC 4180: CRLF between records, and a field is quoted when it holds a comma, a quote or any line
 * break; csv-stringify on its own would leave a lone CR or LF unquoted and split the record.
 */
const CSV_OPTIONS: Options = { record_delimiter: 'windows', quoted_match: /[\r\n]/ };

/** So that spreadsheet programs read the file as UTF-8; the importer accepts it. */
export const CSV_BOM = '\uFEFF';

const isText = (kind: ColumnKind) => kind === 'text' || kind === 'list';

/** The header line. */
export function csvHeader(names: readonly string[]): string {
  return stringify([names], CSV_OPTIONS);
}

/** Records as CSV lines; the cells of text columns (`textColumns[i]`) are formula-guarded. */
export function csvLines(rows: readonly (readonly (string | null)[])[], textColumns: readonly boolean[]): string {
  return stringify(
    rows.map((cells) => cells.map((v, i) => (v !== null && textColumns[i] ? guardFormula(v) : v))),
    CSV_OPTIONS,
  );
}

/** The export as CSV: a BOM, the import columns as the header, then the rows. */
export function csvWriter(columns: readonly ExportColumn[], sink: StreamSink): ExportWriter {
  const encoder = new TextEncoder();
  const textColumns = columns.map((c) => isText(c.kind));
  return {
    contentType: 'text/csv; charset=utf-8',
    async start() {
      await sink.write(encoder.encode(CSV_BOM + csvHeader(columns.map((c) => c.name))));
    },
    async rows(rows) {
      await sink.write(encoder.encode(csvLines(rows, textColumns)));
    },
    finish: () => Promise.resolve(),
    discard: () => {},
  };
}
