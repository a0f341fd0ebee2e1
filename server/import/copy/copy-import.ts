import 'server-only';
import crypto from 'node:crypto';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { Readable, type Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { TransactionSql } from 'postgres';
import { queryRows, type Db } from '@/db/client';
import type { ImportEntity, ImportReport } from '@/lib/schemas/import';
import { csvRecords, type CsvInput, type CsvRecord } from '../csv-records';
import { IMPORTERS } from '../entities';
import { checkHeader } from '../header';
import { auditImport } from '../import-audit';
import { importRecords, type ImportOptions } from '../import-csv';
import { DirectWriter } from '../import-writer';
import { identOf, updateAssignments, type UpsertSpec } from '../bulk-upsert';
import { refusedFileReport, ReportBuilder } from '../report-builder';
import { checkRows, readRow, type PendingRow } from '../row-checks';
import { RowReader } from '../row-reader';
import { CsvScanner, type Handover } from './csv-scan';
import type { CopyPlan } from './plans';

type Options = ImportOptions & { maxCellLength: number };

/** Rows fetched at a time from the staging table (the rows to explain, or to replay). */
const FETCH_ROWS = 2000;

/** Bytes scanned at a time, so progress is reported within a large chunk too. */
const SCAN_BYTES = 64 * 1024;

/** Thrown inside the transaction to undo it; the report travels with it. */
class Undo extends Error {
  constructor(readonly report: ImportReport) {
    super('undo');
  }
}

/** The postgres.js transaction under a Drizzle one: COPY is not something Drizzle speaks. */
function copyClientOf(tx: Db): TransactionSql {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (typeof (client as { unsafe?: unknown } | undefined)?.unsafe !== 'function') {
    throw new Error('The COPY import needs a PostgreSQL server transaction');
  }
  return client as TransactionSql;
}

/**
 * Imports a file through `COPY … FROM STDIN` into a temporary staging table, checked in SQL
 * (plans.ts), with the same report as the row-by-row path (import-csv.ts) byte for byte:
 *
 * 1. the scanner (csv-scan.ts) streams each record's bytes, tagged with its line, into the stage;
 * 2. one query finds the rows SQL cannot vouch for; the row reader explains them, 2,000 at a time,
 *    with the row-by-row code, so every error text is the row path's own;
 * 3. one INSERT … SELECT … ON CONFLICT writes the clean rows (a repeated key: its last row), in the
 *    same transaction (all or nothing; with skipInvalid the valid rows and the rejects file).
 *
 * When the file is something the scan does not read as csv-parse does (a stray quote), or a row the
 * SQL doubted turns out valid, the staged records are replayed through the row-by-row path in the
 * same transaction instead: slower, never different.
 */
export async function copyImport(
  db: Db,
  entity: ImportEntity,
  plan: CopyPlan,
  input: CsvInput,
  options: Options,
): Promise<ImportReport> {
  const source = input instanceof Readable ? input : Readable.from(input);
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string | Uint8Array>;
  try {
    return await db.transaction(async (tx) => {
      const client = copyClientOf(tx);
      // One long COPY and one long INSERT: the pool's statement timeout (meant for figures) does not fit.
      await client`select set_config('statement_timeout', '0', true)`;
      const stage = `holdfast_copy_${crypto.randomBytes(4).toString('hex')}`;
      const scanner = new CsvScanner();
      const staged = await stageFile(client, stage, scanner, chunks, entity, options);
      if ('report' in staged) return staged.report;
      const { header } = staged;
      const rest = scanner.handover ? continuation(scanner.handover, chunks) : null;
      const replay = () =>
        importRecords(tx, entity, replayRecords(tx, stage, header, scanner.records, rest), {
          ...options,
          writeMode: 'transaction',
        });
      // A column the plan does not read (one added to the entity since) goes row by row too.
      if (rest || !header.names.every((name) => plan.columns.includes(name))) return replay();
      const verdict = await explain(tx, entity, plan, stage, header, options);
      if (verdict === 'replay') return replay();
      const builder = verdict;
      options.onReader?.('copy');
      builder.rowsRead = scanner.records;
      options.onProgress?.(scanner.records);
      if (!builder.acceptable) throw new Undo(builder.build(false));
      const inserted = await writeClean(tx, plan, stage, header, options);
      builder.written({ inserted, updated: builder.rowsRead - builder.invalidRows - inserted });
      await auditImport(tx, entity, options, builder);
      return builder.build(true);
    });
  } catch (error) {
    if (error instanceof Undo) return error.report;
    throw error;
  } finally {
    // Whatever was not read (a refused header, a failure) is not read at all.
    await chunks.return?.();
    if (!source.destroyed) source.destroy();
  }
}

type Staged = { report: ImportReport } | { header: { names: string[] } };

/** Creates the stage and COPYs the file's records into it; a refused header ends the import. */
async function stageFile(
  client: TransactionSql,
  stage: string,
  scanner: CsvScanner,
  chunks: AsyncIterator<Buffer | string | Uint8Array>,
  entity: ImportEntity,
  options: Options,
): Promise<Staged> {
  let writable: Writable | null = null;
  let names: string[] = [];
  const refused = (message: string) => ({
    report: refusedFileReport(entity, options.skipInvalid, { headerError: message }),
  });
  const start = async (header: CsvRecord): Promise<Staged | null> => {
    const check = checkHeader(entity, header.cells, IMPORTERS[entity].columns);
    if (!check.ok) return refused(check.message);
    names = check.names;
    const cells = names.map((_, i) => `c${i} text`).join(', ');
    await client.unsafe(`create temporary table ${stage} (line integer not null, js text, ${cells}) on commit drop`);
    const columns = ['line', 'js', ...names.map((_, i) => `c${i}`)].join(', ');
    const opened = await client.unsafe(`copy ${stage} (${columns}) from stdin (format csv)`).writable();
    // Kept until the end: `finished` then reports it; an abandoned COPY's own error is not the import's.
    opened.on('error', (error: Error) => (failure ??= error));
    writable = opened;
    return null;
  };
  let failure: Error | null = null;
  const send = async (bytes: Buffer) => {
    if (failure) throw failure;
    const w = writable;
    if (bytes.length === 0 || w === null) return;
    if (!w.write(bytes)) await once(w, 'drain');
  };
  let reported = 0;
  const take = async (piece: Buffer | null) => {
    const bytes = piece === null ? scanner.end() : scanner.scan(piece);
    if (writable === null && scanner.header !== null) {
      const early = await start(scanner.header);
      if (early) return early;
    }
    await send(bytes);
    // Progress as often as the row path reports it (per batch).
    if (scanner.records - reported >= (options.batchSize ?? FETCH_ROWS)) {
      reported = scanner.records;
      options.onProgress?.(reported);
    }
    return null;
  };
  try {
    for (;;) {
      const next = await chunks.next();
      if (next.done) {
        const early = await take(null);
        if (early) return early;
        break;
      }
      const chunk = toBuffer(next.value);
      for (let at = 0; at < chunk.length && !scanner.handover; at += SCAN_BYTES) {
        const early = await take(chunk.subarray(at, at + SCAN_BYTES));
        if (early) return early;
        const handover = scanner.handover as Handover | null;
        if (handover) handover.head = Buffer.concat([handover.head, chunk.subarray(at + SCAN_BYTES)]);
      }
      if (scanner.handover) break;
    }
  } catch (error) {
    // The COPY is abandoned (CopyFail) so the transaction can roll back; the upload's error is the one to report.
    (writable as Writable | null)?.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  if (scanner.header === null && !scanner.handover) {
    const empty = checkHeader(entity, undefined, IMPORTERS[entity].columns);
    if (!empty.ok) return refused(empty.message);
  }
  const w = writable as Writable | null;
  if (w !== null) {
    w.end();
    await finished(w);
    // Row counts for the planner's joins (a fresh table has none).
    await client.unsafe(`analyze ${stage}`);
  }
  return { header: { names } };
}

function toBuffer(chunk: Buffer | string | Uint8Array): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
}

/** The rest of the file for csv-parse, from the record the scan stopped at. */
function continuation(handover: Handover, chunks: AsyncIterator<Buffer | string | Uint8Array>): AsyncGenerator<CsvRecord> {
  async function* bytes(): AsyncGenerator<Buffer> {
    yield handover.head;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield toBuffer(next.value);
    }
  }
  return csvRecords(bytes(), { line: handover.line, parserLine: handover.parserLine });
}

function stagedRecord(row: Record<string, unknown>, width: number): CsvRecord {
  const line = Number(row.line);
  if (typeof row.js === 'string') {
    const parsed = JSON.parse(row.js) as { cells: string[]; invalidUtf8: number[] };
    return { line, cells: parsed.cells, invalidUtf8: parsed.invalidUtf8 };
  }
  const cells: string[] = [];
  for (let i = 0; i < width; i++) {
    const cell = row[`c${i}`];
    cells.push(typeof cell === 'string' ? cell : '');
  }
  return { line, cells, invalidUtf8: [] };
}

/** Rows of a cursor over `query`, a fetch at a time, inside the transaction. */
async function* cursorRows(tx: Db, query: string): AsyncGenerator<Record<string, unknown>[]> {
  const cursor = `holdfast_cur_${crypto.randomBytes(4).toString('hex')}`;
  await tx.execute(sql.raw(`declare ${cursor} no scroll cursor for ${query}`));
  try {
    for (;;) {
      const rows = await queryRows<Record<string, unknown>>(tx, sql.raw(`fetch ${FETCH_ROWS} from ${cursor}`));
      if (rows.length === 0) return;
      yield rows;
    }
  } finally {
    await tx.execute(sql.raw(`close ${cursor}`)).catch(() => undefined);
  }
}

/** The header, the staged records in file order, then what csv-parse reads of the rest. */
async function* replayRecords(
  tx: Db,
  stage: string,
  header: { names: string[] },
  staged: number,
  rest: AsyncGenerator<CsvRecord> | null,
): AsyncGenerator<CsvRecord> {
  if (header.names.length > 0 || staged > 0) {
    yield { line: 1, cells: header.names, invalidUtf8: [] };
    for await (const rows of cursorRows(tx, `select * from ${stage} order by line`)) {
      for (const row of rows) yield stagedRecord(row, header.names.length);
    }
  }
  if (rest) yield* rest;
}

/** The SQL reading of every staged row, with `ok` and the values. */
function rowQuery(plan: CopyPlan, stage: string, names: readonly string[], options: Options): string {
  const index = new Map(names.map((n, i) => [n, i]));
  const raw = (column: string) => {
    const i = index.get(column);
    return i === undefined ? `''` : `coalesce(s.c${i}, '')`;
  };
  const row = plan.rowSql(raw, options.reportTz);
  const lengths = names.map((_, i) => `char_length(coalesce(s.c${i}, '')) <= ${options.maxCellLength}`);
  const ok = ['s.js is null', ...lengths, ...row.checks].map((c) => `coalesce(${c}, false)`).join('\n and ');
  const values = Object.entries(row.values).map(([column, value]) => `${value} as ${column}`);
  return `select s.*, ${row.key} as holdfast_key, (${ok}) as holdfast_ok, ${values.join(', ')}
    from ${stage} s ${row.from}`;
}

/**
 * Runs the row reader on the rows SQL does not call clean. Returns the report so far, or
 * `replay` when one of them is valid after all (the SQL was stricter than the reader).
 */
async function explain(
  tx: Db,
  entity: ImportEntity,
  plan: CopyPlan,
  stage: string,
  header: { names: string[] },
  options: Options,
): Promise<ReportBuilder | 'replay'> {
  const importer = IMPORTERS[entity];
  const builder = new ReportBuilder(entity, options.skipInvalid, header.names);
  const reader = new RowReader(new Map(header.names.map((n, i) => [n, i])), options.reportTz);
  const out = new DirectWriter(tx);
  const query = rowQuery(plan, stage, header.names, options);
  for await (const rows of cursorRows(tx, `select * from (${query}) q where not q.holdfast_ok order by q.line`)) {
    const batch: PendingRow[] = rows.map((row) =>
      readRow(stagedRecord(row, header.names.length), header.names, options.maxCellLength, reader, importer),
    );
    await checkRows(out, importer, batch);
    if (batch.some((row) => row.errors.length === 0)) return 'replay';
    for (const row of batch) builder.reject(row.line, row.cells, row.errors);
  }
  return builder;
}

/** One INSERT … SELECT … ON CONFLICT of the clean rows (a repeated key: its last row). Returns the inserts. */
async function writeClean(
  tx: Db,
  plan: CopyPlan,
  stage: string,
  header: { names: string[] },
  options: Options,
): Promise<number> {
  const query = rowQuery(plan, stage, header.names, options);
  const columns = Object.keys(plan.rowSql(() => `''`, options.reportTz).values);
  const list = columns.join(', ');
  const present = new Set(header.names);
  const [row] = await queryRows<{ inserted: unknown }>(
    tx,
    sql`with written as (
          insert into ${plan.spec.table} (${sql.raw(list)})
          select ${sql.raw(list)} from (
            select distinct on (q.holdfast_key) * from (${sql.raw(query)}) q
            where q.holdfast_ok order by q.holdfast_key, q.line desc) clean
          on conflict (${identOf(plan.spec.table, plan.spec.target)}) do update set ${sql.join(updateAssignments(plan.spec as unknown as UpsertSpec<PgTable>, present), sql`, `)}
          returning (xmax = 0) as inserted)
        select count(*) filter (where inserted) as inserted from written`,
  );
  return Number(row?.inserted ?? 0);
}
