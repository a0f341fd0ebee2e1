import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { acquireDirectoryLock } from './directory-lock';
import { POOL_OPTIONS, PROBE_OPTIONS } from './postgres-options';
import { openReplicaSet, type ReplicaConfig, type ReplicaSet } from './replicas';
import { cancellableQueries } from './query-cancellation';
import { createResilientClient } from './resilient-client';
import * as schema from './schema';
import { withStatementTimeout } from './statement-timeout';

export type Schema = typeof schema;
/** Either driver: PGlite and postgres.js databases share this interface, and so do transactions. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface DbHandle {
  /** The primary: every write, and the reads that must see the latest commit. */
  db: Db;
  /** Reads that may be up to the replicas' max lag behind (figures, KPI API, exports); `db` without replicas. */
  readDb: Db;
  /** The streaming replicas behind `readDb`, when DATABASE_REPLICA_URLS names any. */
  replicas: ReplicaSet | null;
  driver: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a directory, `memory://` or host:port/database. */
  location: string;
  close(): Promise<void>;
}

export interface DbConfig {
  /** A PostgreSQL server; when absent, embedded PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** A directory, or `memory://` for a throwaway database. */
  dataDir: string;
  /** Streaming replicas of `databaseUrl` for reads that may lag a little. */
  replicas?: ReplicaConfig | undefined;
  /** PostgreSQL stops any statement running longer (the server's pools; migrations and CLIs run without). */
  statementTimeoutMs?: number | undefined;
}

export class DatabaseConfigError extends Error {}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

export async function openDatabase(config: DbConfig): Promise<DbHandle> {
  const replicas = config.replicas?.urls.length ? config.replicas : undefined;
  if (config.databaseUrl) return openPostgres(config.databaseUrl, replicas, config.statementTimeoutMs);
  if (replicas) throw new DatabaseConfigError('DATABASE_REPLICA_URLS needs DATABASE_URL: replicas are of a PostgreSQL server.');
  return openPglite(config.dataDir);
}

export async function migrateDatabase(handle: DbHandle): Promise<void> {
  const options = { migrationsFolder: MIGRATIONS_FOLDER };
  if (handle.driver === 'pglite') {
    await migratePglite(handle.db as Parameters<typeof migratePglite>[0], options);
  } else {
    await migratePostgres(handle.db as Parameters<typeof migratePostgres>[0], options);
  }
}

async function openPglite(dataDir: string): Promise<DbHandle> {
  const inMemory = dataDir.startsWith('memory://');
  const lock = inMemory ? null : acquireDirectoryLock(path.resolve(dataDir));
  try {
    // pg_trgm backs the global search's trigram indexes (the customer_search migration creates the extension).
    const client = new PGlite({ dataDir: inMemory ? undefined : path.resolve(dataDir), extensions: { pg_trgm } });
    await client.waitReady;
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      db,
      readDb: db,
      replicas: null,
      driver: 'pglite',
      location: inMemory ? 'memory://' : path.resolve(dataDir),
      async close() {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

function describeServer(url: URL): string {
  return `${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname}`;
}

function parseServerUrl(databaseUrl: string, variable: string): URL {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new DatabaseConfigError(`${variable} is not a valid URL (expected postgres://user:password@host:port/database).`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new DatabaseConfigError(`${variable} must start with postgres:// or postgresql://, not ${url.protocol}//.`);
  }
  return url;
}

async function openPostgres(
  databaseUrl: string,
  replicaConfig: ReplicaConfig | undefined,
  statementTimeoutMs: number | undefined,
): Promise<DbHandle> {
  const url = parseServerUrl(databaseUrl, 'DATABASE_URL');
  for (const replicaUrl of replicaConfig?.urls ?? []) parseServerUrl(replicaUrl, 'DATABASE_REPLICA_URLS');
  const pool = postgres(databaseUrl, withStatementTimeout(POOL_OPTIONS, statementTimeoutMs));
  const probe = postgres(databaseUrl, PROBE_OPTIONS);
  const closeAll = (timeout: number) => Promise.all([pool.end({ timeout }), probe.end({ timeout })]);
  try {
    await pool`select 1`;
  } catch (error) {
    await closeAll(1).catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseConfigError(`Cannot connect to PostgreSQL at ${describeServer(url)}: ${reason}`);
  }
  // An abandoned request's queries are cancelled on the server (query-cancellation.ts).
  const { client } = createResilientClient(cancellableQueries(pool), probe);
  const db = drizzlePostgres({ client, schema }) as unknown as Db;
  const replicas = replicaConfig ? openReplicaSet({ db, client }, schema, { ...replicaConfig, statementTimeoutMs }) : null;
  // A replica down at start-up is skipped (and checked again every second), not a reason to refuse to start.
  await replicas?.check();
  return {
    db,
    readDb: replicas?.readDb ?? db,
    replicas,
    driver: 'postgres',
    location: describeServer(url),
    async close() {
      await replicas?.close();
      await closeAll(5);
    },
  };
}

/** PGlite: one connection, so an open transaction makes every other query of the process wait. */
export function isSingleConnection(db: Db): boolean {
  return (db as { $client?: unknown }).$client instanceof PGlite;
}

/** Rows of a raw SQL query, whichever driver ran it (postgres.js returns an array, PGlite `{ rows }`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}
