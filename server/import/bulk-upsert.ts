import 'server-only';
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from '@/db/client';

type Property<T extends PgTable> = keyof T['$inferInsert'] & string;

export interface UpsertSpec<T extends PgTable> {
  table: T;
  /** The natural key's property (a unique column). */
  target: Property<T>;
  /** CSV column → the property it sets; only columns the file has are overwritten on update. */
  fromCsv: Readonly<Record<string, Property<T>>>;
  /** Extra `column = expression` assignments on update (e.g. an optimistic-locking version). */
  onUpdate?: SQL[];
}

export interface UpsertedRow {
  inserted: boolean;
  key: string;
  id: number | null;
}

/**
 * Every array travels as text[] and is cast on the server: drizzle's postgres.js setup passes
 * timestamp and date arrays through unserialized, and text is exact for bigint cents too.
 */
function asText(column: PgColumn, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const mapped: unknown = column.mapToDriverValue(value);
  return typeof mapped === 'string' ? mapped : JSON.stringify(mapped);
}

/** A table's columns by property, failing loudly on a property the schema does not have. */
export function columnOf(table: PgTable, property: string): PgColumn {
  const c = (getTableColumns(table) as Record<string, PgColumn | undefined>)[property];
  if (!c) throw new Error(`${getTableName(table)} has no column ${property}`);
  return c;
}

export const identOf = (table: PgTable, property: string) => sql.identifier(columnOf(table, property).name);

/**
 * The rows as `unnest(one typed array per column)`, with the properties in order: one statement
 * parameter per column, not per value, whatever the number of rows.
 */
export function unnestRows(
  table: PgTable,
  rows: ReadonlyArray<Record<string, unknown>>,
  extra: readonly SQL[] = [],
): { properties: string[]; source: SQL } {
  const properties = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const columns = properties.map((p) => columnOf(table, p));
  const isArray = (c: PgColumn) => c.getSQLType().endsWith('[]');
  const arrays = columns.map((c, i) => {
    const values = rows.map((row) => asText(c, row[properties[i] ?? '']));
    // An array column travels as its text literal: unnest would flatten a two-dimensional array.
    return isArray(c)
      ? sql`${sql.param(values)}::text[]`
      : sql`${sql.param(values)}::text[]::${sql.raw(c.getSQLType())}[]`;
  });
  const unnested = sql`unnest(${sql.join([...arrays, ...extra], sql`, `)})`;
  if (!columns.some(isArray)) return { properties, source: unnested };
  const aliases = [...arrays, ...extra].map((_, i) => sql.identifier(`u${i}`));
  const selected = aliases.map((alias, i) => {
    const c = columns[i];
    return c && isArray(c) ? sql`${alias}::${sql.raw(c.getSQLType())}` : alias;
  });
  return {
    properties,
    source: sql`(select ${sql.join(selected, sql`, `)} from ${unnested} as u(${sql.join(aliases, sql`, `)})) as unnested`,
  };
}

/** The `ON CONFLICT (key) DO UPDATE SET …` list: the file's columns, then the spec's extras. */
export function updateAssignments<T extends PgTable>(spec: UpsertSpec<T>, present: ReadonlySet<string>): SQL[] {
  const ident = (p: string) => identOf(spec.table, p);
  const assignments = [
    ...Object.entries(spec.fromCsv)
      .filter(([csvColumn]) => present.has(csvColumn))
      .map(([, p]) => sql`${ident(p)} = excluded.${ident(p)}`),
    ...(spec.onUpdate ?? []),
  ];
  // With nothing to update, a no-op assignment still makes RETURNING report the existing row.
  if (assignments.length === 0) assignments.push(sql`${ident(spec.target)} = excluded.${ident(spec.target)}`);
  return assignments;
}

/**
 * INSERT … SELECT FROM unnest(one array per column) ON CONFLICT (key) DO UPDATE: a batch costs
 * one statement with one parameter per column, not per value, which is what makes million-row
 * imports practical (Drizzle's builder spends more time than the database on 2,000-row VALUES).
 * The array types come from the Drizzle schema, so the statement follows the table definition.
 */
export async function bulkUpsert<T extends PgTable>(
  db: Db,
  spec: UpsertSpec<T>,
  rows: ReadonlyArray<T['$inferInsert']>,
  present: ReadonlySet<string>,
): Promise<UpsertedRow[]> {
  if (rows.length === 0) return [];
  const ident = (p: string) => identOf(spec.table, p);
  const { properties, source } = unnestRows(spec.table, rows);
  const hasId = 'id' in getTableColumns(spec.table);

  const result = await queryRows<{ inserted: boolean; key: unknown; id?: unknown }>(
    db,
    sql`insert into ${spec.table} (${sql.join(properties.map(ident), sql`, `)})
        select * from ${source}
        on conflict (${ident(spec.target)}) do update set ${sql.join(updateAssignments(spec, present), sql`, `)}
        returning (xmax = 0) as inserted, ${ident(spec.target)} as key${hasId ? sql`, id` : sql``}`,
  );
  return result.map((r) => ({
    inserted: r.inserted === true,
    key: String(r.key),
    id: r.id === undefined || r.id === null ? null : Number(r.id),
  }));
}

export function countUpserts(rows: readonly UpsertedRow[]): { inserted: number; updated: number } {
  const inserted = rows.filter((r) => r.inserted).length;
  return { inserted, updated: rows.length - inserted };
}
