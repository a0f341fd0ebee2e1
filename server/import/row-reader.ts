import 'server-only';
import {
  cleanText,
  parseBoolean,
  parseDate,
  parseEmail,
  parseInstant,
  parseInteger,
  parseList,
  parseMoneyCents,
  parseVocabulary,
  type Parsed,
} from './cell-values';
import type { RefKind, RefRequest } from './references';

export interface CellError {
  column: string;
  value: string;
  reason: string;
}

/** PostgreSQL text cannot hold U+0000; refusing it here keeps it from failing the whole transaction. */
const NUL_REASON = 'contains a NUL character, which text cannot hold';

interface Needed {
  required?: boolean;
}

/**
 * Reads the cells of one row by column name. Each accessor returns the typed value, or null when
 * the cell is empty or invalid; problems are collected in `errors` so a row reports all of them.
 */
export class RowReader {
  errors: CellError[] = [];
  refs: RefRequest[] = [];
  private cells: readonly string[] = [];

  constructor(
    private readonly columns: ReadonlyMap<string, number>,
    readonly reportTz: string,
  ) {}

  load(cells: readonly string[]): void {
    this.cells = cells;
    this.errors = [];
    this.refs = [];
  }

  /** Whether the file has this column at all (an absent optional column is left alone on update). */
  has(column: string): boolean {
    return this.columns.has(column);
  }

  raw(column: string): string {
    const index = this.columns.get(column);
    return index === undefined ? '' : (this.cells[index] ?? '');
  }

  fail(column: string, reason: string, value = this.raw(column)): void {
    this.errors.push({ column, value, reason });
  }

  text(column: string, needed: Needed = {}): string | null {
    return this.read(column, needed, (v) => ({ ok: true, value: v }));
  }

  money(column: string, min: 'zero' | 'positive', needed: Needed = {}): number | null {
    return this.read(column, needed, (v) => {
      const parsed = parseMoneyCents(v);
      if (!parsed.ok) return parsed;
      if (min === 'positive' && parsed.value <= 0) return { ok: false, reason: 'must be greater than 0' };
      if (parsed.value < 0) return { ok: false, reason: 'must be 0 or more' };
      return parsed;
    });
  }

  integer(column: string, min: number, needed: Needed = {}): number | null {
    return this.read(column, needed, (v) => {
      const parsed = parseInteger(v);
      if (parsed.ok && parsed.value < min) return { ok: false, reason: `must be a whole number >= ${min}` };
      return parsed;
    });
  }

  boolean(column: string): boolean | null {
    return this.read(column, {}, parseBoolean);
  }

  instant(column: string, needed: Needed = {}): Date | null {
    return this.read(column, needed, (v) => parseInstant(v, this.reportTz));
  }

  date(column: string): string | null {
    return this.read(column, {}, (v) => parseDate(v, this.reportTz));
  }

  email(column: string, needed: Needed = {}): string | null {
    return this.read(column, needed, parseEmail);
  }

  vocabulary<T extends string>(column: string, allowed: readonly T[], needed: Needed = {}): T | null {
    return this.read(column, needed, (v) => parseVocabulary(v, allowed));
  }

  /** A reference to another row by its key; checked against the database with the whole batch. */
  ref(column: string, kind: RefKind, needed: Needed = {}): string | null {
    const key = kind === 'user' ? this.email(column, needed) : this.text(column, needed);
    if (key !== null) this.refs.push({ kind, column, value: this.raw(column), key });
    return key;
  }

  /** A `;`-separated list of references. */
  refList(column: string, kind: RefKind, needed: Needed = {}): string[] {
    if (this.raw(column).includes('\u0000')) {
      this.fail(column, NUL_REASON);
      return [];
    }
    const keys = parseList(this.raw(column));
    if (keys.length === 0 && needed.required) this.fail(column, 'required: at least one value, separated by ";"');
    for (const key of keys) this.refs.push({ kind, column, value: this.raw(column), key });
    return keys;
  }

  /** `later` must not be before `earlier` (both already read). */
  notBefore(column: string, later: Date | null, earlierColumn: string, earlier: Date | null): void {
    if (later !== null && earlier !== null && later.getTime() < earlier.getTime()) {
      this.fail(column, `must not be before ${earlierColumn} (${this.raw(earlierColumn)})`);
    }
  }

  private read<T>(column: string, needed: Needed, parse: (value: string) => Parsed<T>): T | null {
    if (this.raw(column).includes('\u0000')) {
      this.fail(column, NUL_REASON);
      return null;
    }
    const value = cleanText(this.raw(column));
    if (value === null) {
      if (needed.required) this.fail(column, 'required');
      return null;
    }
    const parsed = parse(value);
    if (!parsed.ok) {
      this.fail(column, parsed.reason);
      return null;
    }
    return parsed.value;
  }
}
