import 'server-only';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportColumn } from './datasets';
import { guardFormula } from './formula-guard';
import type { ColumnKind } from './sql-format';
import type { StreamSink } from './stream-sink';
import type { ExportWriter } from './writer';

type CellValue = string | number | boolean | null;

/**
 * Numbers and booleans become typed cells (money shown with two decimals); instants stay ISO 8601
 * text with their offset, which a spreadsheet date cannot hold; text cells are formula-guarded.
 */
function toCell(kind: ColumnKind, value: string | null): CellValue {
  if (value === null) return null;
  switch (kind) {
    case 'text':
    case 'list':
      return guardFormula(value);
    case 'money':
    case 'integer':
      return Number(value);
    case 'boolean':
      return value === 'true';
    case 'instant':
    case 'date':
      return value;
  }
}

const WIDTH: Record<ColumnKind, number> = {
  text: 18,
  list: 18,
  instant: 27,
  date: 12,
  money: 12,
  integer: 10,
  boolean: 10,
};

/**
 * The export as one XLSX sheet, written with exceljs's streaming WorkbookWriter (no shared-strings
 * table, rows committed as they come) into the sink. exceljs does not wait for its output, so after
 * each batch the writer waits until the zip output has drained into the sink and the reader wants
 * more: at most about one batch is buffered whatever the row count.
 */
export function xlsxWriter(columns: readonly ExportColumn[], sink: StreamSink, sheetName: string): ExportWriter {
  const out = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      sink.write(chunk).then(() => callback(), callback);
    },
  });
  // A failed write means the sink was aborted; the producer learns that from the sink's signal.
  out.on('error', () => {});
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    key: c.name,
    width: WIDTH[c.kind],
    ...(c.kind === 'money' ? { style: { numFmt: '0.00' } } : {}),
  }));

  const drained = async () => {
    if (out.writableNeedDrain) await once(out, 'drain', { signal: sink.signal });
    await sink.demand();
  };

  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async start() {
      sheet.addRow(columns.map((c) => c.name)).commit();
      await drained();
    },
    async rows(rows) {
      for (const cells of rows) {
        sheet.addRow(cells.map((value, i) => toCell(columns[i]?.kind ?? 'text', value))).commit();
      }
      await drained();
    },
    async finish() {
      await workbook.commit();
    },
    discard() {
      out.destroy();
    },
  };
}
