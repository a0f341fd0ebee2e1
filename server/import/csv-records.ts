import 'server-only';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';

export type CsvInput = Readable | AsyncIterable<Buffer | string | Uint8Array> | Iterable<Buffer | string | Uint8Array>;

export interface CsvRecord {
  /** Physical line the record starts on (1 = first line of the file). */
  line: number;
  cells: string[];
}

const LINE_BREAK = /\r\n|\r|\n/g;

function lineBreaks(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) n += cell.match(LINE_BREAK)?.length ?? 0;
  return n;
}

/**
 * Streams the records of a CSV (RFC 4180 quoting, UTF-8 with or without BOM) with the line each
 * starts on. Lines are counted here rather than taken from csv-parse, whose count drifts on CRLF
 * inside quoted fields. Empty lines are skipped; rows with a wrong number of fields are still
 * returned (relax_column_count) so the importer can report them as row errors instead of
 * aborting the whole file.
 */
export async function* csvRecords(input: CsvInput): AsyncGenerator<CsvRecord> {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    record_delimiter: ['\r\n', '\n', '\r'],
  });
  const source = input instanceof Readable ? input : Readable.from(input);
  const piping = pipeline(source, parser);
  piping.catch(() => {
    // The error reaches the consumer through the parser's iterator.
  });
  let nextLine = 1;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      const line = nextLine;
      nextLine += lineBreaks(cells) + 1;
      if (cells.length === 1 && cells[0] === '') continue;
      yield { line, cells };
    }
    await piping;
  } finally {
    if (!parser.destroyed) parser.destroy();
    if (!source.destroyed) source.destroy();
  }
}
