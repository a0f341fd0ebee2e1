import 'server-only';
import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { isSingleConnection, queryRows, type Db } from '@/db/client';
import { identOf, unnestRows, updateAssignments, type UpsertSpec } from './bulk-upsert';
import { selectColumns, type ChildRows, type ImportWriter, type WriteCounts } from './import-writer';

const SEQ = sql.identifier('holdfast_seq');
const PARENT_KEY = sql.identifier('holdfast_parent_key');
const PARENT_SEQ = sql.identifier('holdfast_parent_seq');

type Name = ReturnType<typeof sql.identifier>;

interface StagedChild {
  name: Name;
  table: PgTable;
  parentId: string;
  properties: string[] | null;
}

interface StagedTable {
  name: Name;
  table: PgTable;
  target: string;
  assignments: SQL[];
  properties: string[];
  rows: number;
  children: Map<PgTable, StagedChild>;
}

/**
 * Keeps an import's valid rows in temporary tables, one short statement per batch, and moves
 * them in `finish` with one set-based INSERT … SELECT … ON CONFLICT per table. On PGlite (one
 * connection) this is what lets other requests run while a large file is read and checked: only
 * the final move holds the connection, and it is all or nothing as before.
 *
 * A key repeated in the file is written once with its last row, and counted as one insert (if
 * new) plus updates, as the direct path counts it.
 */
export class StagedWriter implements ImportWriter {
  private readonly tables = new Map<PgTable, StagedTable>();
  private readonly prefix = `holdfast_stage_${crypto.randomBytes(4).toString('hex')}`;
  private seq = 0;

  constructor(readonly db: Db) {}

  private async createStage(like: PgTable, extra: SQL): Promise<Name> {
    const name = sql.identifier(`${this.prefix}_${this.tables.size}_${crypto.randomBytes(2).toString('hex')}`);
    await this.db.execute(sql`create temporary table ${name} as select * from ${like} with no data`);
    await this.db.execute(sql`alter table ${name} ${extra}`);
    return name;
  }

  async upsert<T extends PgTable>(
    spec: UpsertSpec<T>,
    rows: ReadonlyArray<T['$inferInsert']>,
    present: ReadonlySet<string>,
    children: readonly ChildRows[] = [],
  ): Promise<void> {
    const staged = this.tables.get(spec.table) ?? (await this.stageFor(spec, present));
    for (const child of children) {
      if (staged.children.has(child.table)) continue;
      const extra = sql`add column ${PARENT_KEY} text not null, add column ${PARENT_SEQ} bigint not null`;
      const name = await this.createStage(child.table, extra);
      staged.children.set(child.table, { name, table: child.table, parentId: child.parentId, properties: null });
    }
    if (rows.length === 0) return;

    const first = this.seq + 1;
    const seqs = rows.map(() => ++this.seq);
    const seqArray = sql`${sql.param(seqs)}::bigint[]`;
    const { properties, source } = unnestRows(spec.table, rows, [seqArray]);
    staged.properties = properties;
    staged.rows += rows.length;
    await this.db.execute(
      sql`insert into ${staged.name} (${selectColumns(spec.table, properties)}, ${SEQ}) select * from ${source}`,
    );

    const keys = rows.map((row) => String((row as Record<string, unknown>)[spec.target]));
    const seqOfKey = new Map(keys.map((key, i) => [key, first + i]));
    for (const child of children) {
      const stagedChild = staged.children.get(child.table);
      if (!stagedChild || child.rows.length === 0) continue;
      const values = child.rows.map((c) => c.values);
      const parentKeys = child.rows.map((c) => c.parentKey);
      const parentSeqs = child.rows.map((c) => seqOfKey.get(c.parentKey) ?? 0);
      const unnested = unnestRows(child.table, values, [
        sql`${sql.param(parentKeys)}::text[]`,
        sql`${sql.param(parentSeqs)}::bigint[]`,
      ]);
      stagedChild.properties = unnested.properties;
      await this.db.execute(
        sql`insert into ${stagedChild.name} (${selectColumns(child.table, unnested.properties)}, ${PARENT_KEY}, ${PARENT_SEQ})
            select * from ${unnested.source}`,
      );
    }
  }

  private async stageFor<T extends PgTable>(spec: UpsertSpec<T>, present: ReadonlySet<string>): Promise<StagedTable> {
    const name = await this.createStage(spec.table, sql`add column ${SEQ} bigint not null`);
    const staged: StagedTable = {
      name,
      table: spec.table,
      target: spec.target,
      assignments: updateAssignments(spec, present),
      properties: [],
      rows: 0,
      children: new Map(),
    };
    this.tables.set(spec.table, staged);
    return staged;
  }

  /** The last staged row of each key, in file order. */
  private latest(staged: StagedTable, properties: readonly string[]): SQL {
    const key = identOf(staged.table, staged.target);
    return sql`(select distinct on (${key}) ${selectColumns(staged.table, properties)}, ${SEQ}
                from ${staged.name} order by ${key}, ${SEQ} desc)`;
  }

  visible(table: PgTable, keyProperty: string, properties: readonly string[]): SQL {
    const staged = this.tables.get(table);
    const columns = selectColumns(table, properties);
    if (!staged) return sql`(select ${columns} from ${table})`;
    const key = identOf(table, keyProperty);
    return sql`(select ${columns} from ${table} t where not exists (select 1 from ${staged.name} s where s.${key} = t.${key})
                union all
                select ${columns} from ${this.latest(staged, properties)} latest)`;
  }

  /** Moves every staged row into its table; run inside the import's (short) transaction. */
  async finish(tx: Db): Promise<WriteCounts> {
    const counts: WriteCounts = { inserted: 0, updated: 0 };
    for (const staged of this.tables.values()) {
      if (staged.rows === 0) continue;
      const { table, target } = staged;
      const key = identOf(table, target);
      const columns = selectColumns(table, staged.properties);
      const assignments = sql.join(staged.assignments, sql`, `);
      const [moved] = await queryRows<{ inserted: unknown }>(
        tx,
        sql`with moved as (
              insert into ${table} (${columns})
              select ${columns} from ${this.latest(staged, staged.properties)} latest order by ${SEQ}
              on conflict (${key}) do update set ${assignments}
              returning (xmax = 0) as inserted)
            select count(*) filter (where inserted) as inserted from moved`,
      );
      const inserted = Number(moved?.inserted ?? 0);
      counts.inserted += inserted;
      counts.updated += staged.rows - inserted;
      for (const child of staged.children.values()) await this.moveChildren(tx, staged, child);
    }
    return counts;
  }

  /** Replaces the children of every parent written with those of its last row. */
  private async moveChildren(tx: Db, staged: StagedTable, child: StagedChild): Promise<void> {
    const { table, target } = staged;
    const key = identOf(table, target);
    const parentColumn = identOf(child.table, child.parentId);
    await tx.execute(
      sql`delete from ${child.table} where ${parentColumn} in
            (select p.id from ${table} p where exists (select 1 from ${staged.name} s where s.${key} = p.${key}))`,
    );
    if (child.properties === null) return;
    const columns = selectColumns(child.table, child.properties);
    const childColumns = sql.join(
      child.properties.map((p) => sql`c.${identOf(child.table, p)}`),
      sql`, `,
    );
    await tx.execute(
      sql`insert into ${child.table} (${columns}, ${parentColumn})
          select ${childColumns}, p.id
          from ${child.name} c
          join ${this.latest(staged, [target])} latest on latest.${key} = c.${PARENT_KEY} and latest.${SEQ} = c.${PARENT_SEQ}
          join ${table} p on p.${key} = c.${PARENT_KEY}`,
    );
  }

  /** Drops the temporary tables; after `finish`, or instead of it when nothing is to be written. */
  async dispose(): Promise<void> {
    for (const staged of this.tables.values()) {
      for (const child of staged.children.values()) await this.db.execute(sql`drop table if exists ${child.name}`);
      await this.db.execute(sql`drop table if exists ${staged.name}`);
    }
    this.tables.clear();
  }
}

/** Staged on PGlite, whose one connection a file-long transaction would hold; a transaction on a server. */
export function defaultWriteMode(db: Db): 'transaction' | 'staged' {
  return isSingleConnection(db) ? 'staged' : 'transaction';
}
