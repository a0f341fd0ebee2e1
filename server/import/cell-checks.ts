import 'server-only';
import type { CsvRecord } from './csv-records';
import type { CellError } from './row-reader';

/** How much of a refused cell the report quotes: enough to find it, not the whole oversized text. */
const QUOTED_CHARS = 80;

function quote(text: string): string {
  return text.length > QUOTED_CHARS ? `${text.slice(0, QUOTED_CHARS)}…` : text;
}

/** Length in characters (code points), counted only when the UTF-16 length says it may be over. */
function charactersOver(text: string, max: number): number | null {
  if (text.length <= max) return null;
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) pairs++;
  }
  const n = text.length - pairs;
  return n > max ? n : null;
}

/**
 * What is wrong with a record's cells before any column is read: bytes that are not UTF-8, and
 * text longer than `maxLength` characters. `names` are the header's columns, in file order.
 */
export function recordCellErrors(record: CsvRecord, names: readonly string[], maxLength: number): CellError[] {
  const errors: CellError[] = [];
  const invalid = new Set(record.invalidUtf8);
  record.cells.forEach((cell, i) => {
    const column = names[i] ?? '';
    if (invalid.has(i)) {
      errors.push({
        column,
        value: quote(cell),
        reason: 'is not valid UTF-8 (the bytes shown as \uFFFD); save the file as UTF-8',
      });
      return;
    }
    const length = charactersOver(cell, maxLength);
    if (length !== null) {
      errors.push({
        column,
        value: quote(cell),
        reason: `is ${length.toLocaleString('en')} characters long; a cell may have at most ${maxLength.toLocaleString('en')}`,
      });
    }
  });
  return errors;
}
