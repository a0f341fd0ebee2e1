import 'server-only';
import type { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Sql } from 'postgres';
import { isSingleConnection, queryRows, type Db } from '@/db/client';

type Row = Record<string, unknown>;
type Values = unknown[] | undefined;

/**
 * pg-boss's `db` option over a Drizzle database or transaction: statements run on the caller's
 * connection, so a job sent with it commits or rolls back with the caller's transaction.
 * pg-boss writes `$1`-style placeholders; they become Drizzle parameters in the same order.
 * Only single statements: pg-boss sends one per `send`, `retry`, `fetch`.
 */
export function drizzleExecutor(db: Db): PgBoss.Db {
  return {
    async executeSql(text: string, values: Values) {
      const params = isSingleConnection(db) ? (values ?? []) : forPostgresJs(values);
      const rows = await queryRows<Row>(db, positional(text, params));
      return { rows };
    },
  };
}

/**
 * pg-boss's `db` option for its own work (polling, completing, maintenance, schema checks) over
 * the app's one database handle: never a second PGlite on the same directory, no second pool.
 * pg-boss's maintenance and migration scripts are several statements with no parameters, which
 * PGlite runs through `exec` and postgres.js through its simple protocol.
 */
export function handleExecutor(db: Db): PgBoss.Db {
  if (isSingleConnection(db)) {
    const client = (db as unknown as { $client: PGlite }).$client;
    return {
      async executeSql(text: string, values: Values) {
        if (values && values.length > 0) return client.query<Row>(text, values);
        const results = await client.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as Row[] };
      },
    };
  }
  const client = (db as unknown as { $client: Pick<Sql, 'unsafe' | 'begin'> }).$client;
  return {
    async executeSql(text: string, values: Values) {
      // postgres.js refuses a BEGIN sent through its pool (the next statement could land on another
      // connection): pg-boss's locked maintenance scripts run inside a transaction of the pool's own.
      const locked = LOCKED_SCRIPT.exec(text);
      const result =
        locked && (values ?? []).length === 0
          ? await client.begin((tx) => tx.unsafe(locked[1] ?? ''))
          : await client.unsafe(text, forPostgresJs(values) as never[]);
      return { rows: lastResultRows(result) };
    },
  };
}

/** pg-boss's `locked()` scripts: `BEGIN; SET LOCAL …; <advisory lock>; <work>; COMMIT;`. */
const LOCKED_SCRIPT = /^\s*BEGIN;([\s\S]*)COMMIT;\s*$/i;

/**
 * Drizzle makes postgres.js pass json and timestamp parameters through untouched (it encodes
 * them per column itself), so pg-boss's objects and dates are encoded here.
 */
function forPostgresJs(values: Values): unknown[] {
  return (values ?? []).map((value) => {
    // pg-boss leaves unset options undefined, which node-postgres sends as null and postgres.js refuses.
    if (value === undefined) return null;
    if (value instanceof Date) return value.toISOString();
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return JSON.stringify(value);
    return value;
  });
}

/** postgres.js answers a multi-statement simple query with one result per statement. */
function lastResultRows(result: unknown): Row[] {
  if (!Array.isArray(result)) return [];
  const last: unknown = result.at(-1);
  if (result.length > 0 && Array.isArray(last)) return last as Row[];
  return result as Row[];
}

function positional(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      if (part) chunks.push(sql.raw(part));
    } else {
      chunks.push(sql`${sql.param(values[Number(part) - 1])}`);
    }
  });
  return sql.join(chunks);
}
