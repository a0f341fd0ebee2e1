import 'server-only';
import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import type { CsvRecord } from '../csv-records';

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const NUL = 0x00;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const EMPTY_QUOTED = Buffer.from('""');
const NEWLINE = Buffer.from('\n');
const NOTHING = Buffer.alloc(0);

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted';

/** Where csv-parse takes over: the bytes from the record it must read, and the lines before it. */
export interface Handover {
  /** The unread bytes, from the start of the record the scan stopped at. */
  head: Buffer;
  /** Physical line that record starts on (as csv-records.ts counts). */
  line: number;
  /** The same line as csv-parse counts it (a CRLF inside quotes is two lines there). */
  parserLine: number;
}

/**
 * Splits one record's bytes into cells as csv-records.ts reads them (csv-parse on bytes, each
 * cell decoded on its own and named when its bytes are not UTF-8).
 */
export function recordOf(bytes: Buffer, line: number): CsvRecord {
  const [fields = []] = parse(bytes, { bom: false, encoding: null, relax_column_count: true }) as unknown as Buffer[][];
  const cells: string[] = [];
  const invalidUtf8: number[] = [];
  fields.forEach((field, i) => {
    const text = field.toString('utf8');
    if (text.includes('\uFFFD') && !isUtf8(field)) invalidUtf8.push(i);
    cells.push(text);
  });
  return { line, cells, invalidUtf8 };
}

/** A COPY csv field holding `text`. */
function copyField(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * A quote-aware pass over CSV bytes that finds records without decoding them, for
 * `COPY stage (line, js, c0 … cN) FROM STDIN (FORMAT csv)`. A data record is passed on as
 * `<line>,,<record bytes>\n`, with the physical line it starts on counted as csv-records.ts counts
 * it (CRLF, CR and LF are one line each, also inside quotes); empty lines are skipped as there.
 * A record COPY cannot hold or would read differently from csv-parse (a wrong number of fields,
 * bytes that are not UTF-8, a NUL) is passed on decoded, as JSON in `js`, for the row-by-row
 * checks to explain. A quote csv-parse would refuse (one inside an unquoted field, text after a
 * closing quote, a quote never closed) stops the scan: `handover` then says where csv-parse
 * takes the rest of the file.
 */
export class CsvScanner {
  /** Data records passed on. */
  records = 0;
  /** The header's cells, once read. */
  header: CsvRecord | null = null;
  handover: Handover | null = null;
  private fields = 0;
  private state: State = 'fieldStart';
  private line = 1;
  private recordLine = 1;
  private crlfInQuotes = 0;
  private recordCrlfInQuotes = 0;
  private fieldCount = 1;
  private high = false;
  private nul = false;
  private afterCr = false;
  private carry: Buffer[] = [];
  private atStart = true;
  private out: Buffer[] = [];

  /** The COPY rows of the records this chunk completes (a partial record waits for the next chunk). */
  scan(input: Buffer): Buffer {
    if (this.handover) return NOTHING;
    let chunk = input;
    if (this.atStart) {
      const head = this.carry.length > 0 ? Buffer.concat([...this.carry, chunk]) : chunk;
      this.carry = [];
      if (head.length < BOM.length && BOM.subarray(0, head.length).equals(head)) {
        this.carry = [head];
        return NOTHING;
      }
      this.atStart = false;
      chunk = head.subarray(0, BOM.length).equals(BOM) ? head.subarray(BOM.length) : head;
    }
    let recordStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      const afterCr = this.afterCr;
      this.afterCr = b === CR;
      if (b >= 0x80) this.high = true;
      else if (b === NUL) this.nul = true;
      if (this.state === 'quoted') {
        if (b === QUOTE) this.state = 'quoteInQuoted';
        else if (b === CR) this.line++;
        else if (b === LF) {
          if (afterCr) this.crlfInQuotes++;
          else this.line++;
        }
        continue;
      }
      if (this.state === 'quoteInQuoted') {
        if (b === QUOTE) {
          this.state = 'quoted';
          continue;
        }
        if (b !== COMMA && b !== LF && b !== CR) return this.stop(chunk, recordStart);
      } else if (b === QUOTE) {
        if (this.state === 'unquoted') return this.stop(chunk, recordStart);
        this.state = 'quoted';
        continue;
      }
      if (b === COMMA) {
        this.fieldCount++;
        this.state = 'fieldStart';
      } else if (b === LF && afterCr && i === recordStart && this.fieldCount === 1 && this.state === 'fieldStart') {
        // The LF of a CRLF whose CR ended the previous record.
        recordStart = i + 1;
      } else if (b === LF || b === CR) {
        this.finish(this.take(chunk, recordStart, i));
        recordStart = i + 1;
      } else {
        this.state = 'unquoted';
      }
    }
    if (recordStart < chunk.length) this.carry.push(chunk.subarray(recordStart));
    return this.flush();
  }

  /** The last record when the file does not end with a line break; an open quote hands over. */
  end(): Buffer {
    if (this.handover) return NOTHING;
    if (this.atStart) this.scan(NOTHING);
    if (this.state === 'quoted') return this.stop(NOTHING, 0);
    if (this.carry.length > 0) this.finish(this.take(NOTHING, 0, 0));
    return this.flush();
  }

  private take(chunk: Buffer, start: number, end: number): Buffer {
    const bytes =
      this.carry.length === 0 ? chunk.subarray(start, end) : Buffer.concat([...this.carry, chunk.subarray(start, end)]);
    this.carry = [];
    return bytes;
  }

  /** One record read: the header, a blank line, or a data record to pass on. */
  private finish(bytes: Buffer): void {
    this.emit(bytes);
    this.line++;
    this.recordLine = this.line;
    this.recordCrlfInQuotes = this.crlfInQuotes;
    this.fieldCount = 1;
    this.high = false;
    this.nul = false;
    this.state = 'fieldStart';
  }

  private emit(bytes: Buffer): void {
    if (this.fieldCount === 1 && (bytes.length === 0 || bytes.equals(EMPTY_QUOTED))) return;
    if (this.header === null) {
      this.header = recordOf(bytes, this.recordLine);
      this.fields = this.header.cells.length;
      return;
    }
    this.records++;
    if (this.fieldCount !== this.fields || this.nul || (this.high && !isUtf8(bytes))) {
      const { cells, invalidUtf8 } = recordOf(bytes, this.recordLine);
      const json = copyField(JSON.stringify({ cells, invalidUtf8 }));
      this.out.push(Buffer.from(`${this.recordLine},${json}${','.repeat(this.fields)}\n`, 'utf8'));
      return;
    }
    this.out.push(Buffer.from(`${this.recordLine},,`, 'latin1'), bytes, NEWLINE);
  }

  private flush(): Buffer {
    const bytes = this.out.length === 1 && this.out[0] ? this.out[0] : Buffer.concat(this.out);
    this.out = [];
    return bytes;
  }

  /** Hands the rest, from the current record on, to csv-parse; returns the rows completed before it. */
  private stop(chunk: Buffer, recordStart: number): Buffer {
    const head = Buffer.concat([...this.carry, chunk.subarray(recordStart)]);
    this.carry = [];
    this.handover = {
      head,
      line: this.recordLine,
      parserLine: this.recordLine + this.recordCrlfInQuotes,
    };
    return this.flush();
  }
}
