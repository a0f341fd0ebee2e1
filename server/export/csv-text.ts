import 'server-only';
import { stringify, type Options } from 'csv-stringify/sync';
import { guardFormula } from './formula-guard';

/** CRLF is RFC 4180's and the exports'; the SMS list and the rejects CSV have always used LF. */
export type LineEnding = 'crlf' | 'lf';

/**
 * A field is quoted when it holds a comma, a quote or any line break; csv-stringify on its own
 * would leave a lone CR (or LF, under CRLF) unquoted and split the record.
 */
const OPTIONS: Record<LineEnding, Options> = {
  crlf: { record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  lf: { record_delimiter: 'unix', quoted_match: /[\r\n]/ },
};

/** So that spreadsheet programs read the file as UTF-8; the importer accepts it. */
export const CSV_BOM = '\uFEFF';

export type CsvCell = string | number | null;

/**
 * Records as CSV text: the one way the app writes CSV. The cells of text columns
 * (`textColumns[i]`, or every column with `'all'`) are formula-guarded, so a spreadsheet never
 * runs `=…`, `@…` and the like from data (data-contract.md); numbers are written as they are.
 */
export function csvLines(
  rows: readonly (readonly CsvCell[])[],
  textColumns: readonly boolean[] | 'all',
  lineEnding: LineEnding = 'crlf',
): string {
  const isText = (i: number) => textColumns === 'all' || textColumns[i] === true;
  return stringify(
    rows.map((cells) => cells.map((v, i) => (typeof v === 'string' && isText(i) ? guardFormula(v) : v))),
    OPTIONS[lineEnding],
  );
}

/** The header line. */
export function csvHeader(names: readonly string[], lineEnding: LineEnding = 'crlf'): string {
  return csvLines([names], 'all', lineEnding);
}
