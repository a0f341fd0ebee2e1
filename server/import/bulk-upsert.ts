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
  const columns = getTableColumns(spec.table) as Record<string, PgColumn>;
  const column = (property: string): PgColumn => {
    const c = columns[property];
    if (!c) throw new Error(`${getTableName(spec.table)} has no column ${property}`);
    return c;
  };
  const ident = (property: string) => sql.identifier(column(property).name);

  const properties = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const arrays = properties.map((p) => {
    const c = column(p);
    const values = rows.map((row) => asText(c, (row as Record<string, unknown>)[p]));
    return sql`${sql.param(values)}::text[]::${sql.raw(c.getSQLType())}[]`;
  });
  const assignments = [
    ...Object.entries(spec.fromCsv)
      .filter(([csvColumn]) => present.has(csvColumn))
      .map(([, p]) => sql`${ident(p)} = excluded.${ident(p)}`),
    ...(spec.onUpdate ?? []),
  ];
  // With nothing to update, a no-op assignment still makes RETURNING report the existing row.
  if (assignments.length === 0) assignments.push(sql`${ident(spec.target)} = excluded.${ident(spec.target)}`);
  const hasId = 'id' in columns;

  const result = await queryRows<{ inserted: boolean; key: unknown; id?: unknown }>(
    db,
    sql`insert into ${spec.table} (${sql.join(properties.map(ident), sql`, `)})
        select * from unnest(${sql.join(arrays, sql`, `)})
        on conflict (${ident(spec.target)}) do update set ${sql.join(assignments, sql`, `)}
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
