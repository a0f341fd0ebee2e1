import 'server-only';
import type { ExportColumn } from './datasets';
import { CSV_BOM, csvHeader, csvLines } from './csv-text';
import type { ColumnKind } from './sql-format';
import type { StreamSink } from './stream-sink';
import type { ExportWriter } from './writer';

const isText = (kind: ColumnKind) => kind === 'text' || kind === 'list';

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
