import 'server-only';
import type { ColumnSpec } from './header';
import type { ImportWriter } from './import-writer';
import type { Lookup } from './references';
import type { CellError, RowReader } from './row-reader';

/**
 * How one entity is read and written. A draft is a parsed row whose references are still keys;
 * `write` upserts valid drafts on the natural key once the batch's references are resolved,
 * through the import's writer (at once, or staged until the end of the file).
 * Declared with method syntax so the registry can hold importers of different draft types.
 */
export interface EntityImporter<Draft> {
  columns: readonly ColumnSpec[];
  parse(reader: RowReader): Draft | null;
  /** The natural key: two drafts with one key never share an INSERT … ON CONFLICT statement. */
  key(draft: Draft): string;
  /** Rules that need the resolved references (e.g. a postcode's region). */
  check?(draft: Draft, lookup: Lookup): CellError[];
  /** Rules that need the database beyond references (and the rows written so far); one entry per draft. */
  checkBatch?(out: ImportWriter, drafts: readonly Draft[], lookup: Lookup): Promise<CellError[][]>;
  write(out: ImportWriter, drafts: readonly Draft[], lookup: Lookup, present: ReadonlySet<string>): Promise<void>;
}
