import 'server-only';
import { isUtf8 } from 'node:buffer';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';

export type CsvInput = Readable | AsyncIterable<Buffer | string | Uint8Array> | Iterable<Buffer | string | Uint8Array>;

export interface CsvRecord {
  /** Physical line the record starts on (1 = first line of the file). */
  line: number;
  cells: string[];
  /** Positions of the cells whose bytes are not valid UTF-8 (their text shows U+FFFD where they fail). */
  invalidUtf8: number[];
}

const LINE_BREAK = /\r\n|\r|\n/g;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function lineBreaks(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) n += cell.match(LINE_BREAK)?.length ?? 0;
  return n;
}

/** Turns every chunk into bytes and drops a leading UTF-8 BOM, also one split across chunks. */
function bytesWithoutBom(): Transform {
  let head: Buffer | null = Buffer.alloc(0);
  const toBuffer = (chunk: unknown) =>
    Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === 'string'
        ? Buffer.from(chunk, 'utf8')
        : Buffer.from(chunk as Uint8Array);
  return new Transform({
    transform(chunk: unknown, _encoding: BufferEncoding, callback: TransformCallback) {
      if (head === null) return callback(null, toBuffer(chunk));
      head = Buffer.concat([head, toBuffer(chunk)]);
      if (head.length < UTF8_BOM.length && UTF8_BOM.subarray(0, head.length).equals(head)) return callback();
      const rest = head.subarray(0, UTF8_BOM.length).equals(UTF8_BOM) ? head.subarray(UTF8_BOM.length) : head;
      head = null;
      callback(null, rest);
    },
    flush(callback: TransformCallback) {
      if (head !== null && head.length > 0 && !UTF8_BOM.subarray(0, head.length).equals(head)) this.push(head);
      callback();
    },
  });
}

/** Where a file read from the middle resumes: its first record's line, and that line as csv-parse counts it. */
export interface ResumeAt {
  line: number;
  parserLine: number;
}

/** `lines` line breaks, then the input: csv-parse then counts lines (in its errors) as in the whole file. */
async function* afterLines(lines: number, input: CsvInput): AsyncGenerator<Buffer> {
  if (lines > 0) yield Buffer.alloc(lines, 0x0a);
  for await (const chunk of input as AsyncIterable<Buffer | string | Uint8Array>)
    yield Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
}

/**
 * Streams the records of a CSV (RFC 4180 quoting, UTF-8 with or without BOM) with the line each
 * starts on. Lines are counted here rather than taken from csv-parse, whose count drifts on CRLF
 * inside quoted fields. Empty lines are skipped; rows with a wrong number of fields are still
 * returned (relax_column_count) so the importer can report them as row errors instead of
 * aborting the whole file.
 *
 * `from` resumes a file whose first part was read elsewhere (the COPY import's scanner); its BOM,
 * if any, was taken off there.
 *
 * csv-parse hands over each field's bytes and they are decoded here: decoding quietly turns
 * invalid UTF-8 into U+FFFD, so the cells where that happened are named for the importer to refuse.
 */
export async function* csvRecords(input: CsvInput, from?: ResumeAt): AsyncGenerator<CsvRecord> {
  const parser = parse({
    bom: false,
    encoding: null,
    relax_column_count: true,
    skip_empty_lines: false,
    record_delimiter: ['\r\n', '\n', '\r'],
  });
  const source = from
    ? Readable.from(afterLines(from.parserLine - 1, input))
    : input instanceof Readable
      ? input
      : Readable.from(input);
  const piping = from ? pipeline(source, parser) : pipeline(source, bytesWithoutBom(), parser);
  piping.catch(() => {
    // The error reaches the consumer through the parser's iterator.
  });
  // Blank lines yield no record but count, so the lines put before a resumed file line up.
  let nextLine = from ? from.line - (from.parserLine - 1) : 1;
  try {
    for await (const fields of parser as AsyncIterable<Buffer[]>) {
      const cells: string[] = [];
      const invalidUtf8: number[] = [];
      fields.forEach((bytes, i) => {
        const text = bytes.toString('utf8');
        // A U+FFFD may also be real text: only the bytes can tell.
        if (text.includes('\uFFFD') && !isUtf8(bytes)) invalidUtf8.push(i);
        cells.push(text);
      });
      const line = nextLine;
      nextLine += lineBreaks(cells) + 1;
      if (cells.length === 1 && cells[0] === '') continue;
      yield { line, cells, invalidUtf8 };
    }
    await piping;
  } finally {
    if (!parser.destroyed) parser.destroy();
    if (!source.destroyed) source.destroy();
  }
}
