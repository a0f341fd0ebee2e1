import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { bulkUpsert, identOf, unnestRows, type UpsertSpec } from './bulk-upsert';

/** Rows of a child table that replace, for every parent written, the children it had. */
export interface ChildRows {
  table: PgTable;
  /** The child's property holding the parent's id. */
  parentId: string;
  /** Each child: its parent's natural key and its other values. */
  rows: ReadonlyArray<{ parentKey: string; values: Record<string, unknown> }>;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
}

/**
 * Where an import's valid rows go. `DirectWriter` upserts each batch at once (inside the import's
 * transaction); the staged writer (staged-writer.ts) keeps them aside and moves them all in one
 * short transaction at the end, so a single-connection PGlite is not held for the whole file.
 */
export interface ImportWriter {
  /** For checks that read the database. */
  readonly db: Db;
  upsert<T extends PgTable>(
    spec: UpsertSpec<T>,
    rows: ReadonlyArray<T['$inferInsert']>,
    present: ReadonlySet<string>,
    children?: readonly ChildRows[],
  ): Promise<void>;
  /** `(select <columns> from <table as this import leaves it so far>)`, for checks across batches. */
  visible(table: PgTable, key: string, properties: readonly string[]): SQL;
}

export function selectColumns(table: PgTable, properties: readonly string[]): SQL {
  return sql.join(
    properties.map((p) => identOf(table, p)),
    sql`, `,
  );
}

/** Writes every batch as it comes, on the transaction it is given. */
export class DirectWriter implements ImportWriter {
  readonly counts: WriteCounts = { inserted: 0, updated: 0 };

  constructor(readonly db: Db) {}

  async upsert<T extends PgTable>(
    spec: UpsertSpec<T>,
    rows: ReadonlyArray<T['$inferInsert']>,
    present: ReadonlySet<string>,
    children: readonly ChildRows[] = [],
  ): Promise<void> {
    const written = await bulkUpsert(this.db, spec, rows, present);
    for (const row of written) this.counts[row.inserted ? 'inserted' : 'updated']++;
    if (children.length === 0 || written.length === 0) return;

    const idByKey = new Map(written.map((row) => [row.key, row.id]));
    const idOf = (key: string) => {
      const id = idByKey.get(key);
      if (id === undefined || id === null) throw new Error(`Row ${key} was not returned by its upsert`);
      return id;
    };
    const ids = [...idByKey.keys()].map(idOf);
    for (const child of children) {
      const parentColumn = identOf(child.table, child.parentId);
      await this.db.execute(sql`delete from ${child.table} where ${parentColumn} = any(${sql.param(ids)}::int[])`);
      if (child.rows.length === 0) continue;
      const values = child.rows.map((c) => ({ ...c.values, [child.parentId]: idOf(c.parentKey) }));
      const { properties, source } = unnestRows(child.table, values);
      await this.db.execute(
        sql`insert into ${child.table} (${selectColumns(child.table, properties)}) select * from ${source}`,
      );
    }
  }

  visible(table: PgTable, _key: string, properties: readonly string[]): SQL {
    return sql`(select ${selectColumns(table, properties)} from ${table})`;
  }
}
