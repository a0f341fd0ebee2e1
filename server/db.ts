import 'server-only';
import { migrateDatabase, openDatabase, type Db, type DbHandle } from '@/db/client';
import { env } from './env';
import { readDbFor } from './read-your-writes';

const globalForDb = globalThis as typeof globalThis & { holdfastDb?: Promise<DbHandle> };

/**
 * The one database handle of this process, migrated before first use. Kept on globalThis
 * because Next bundles instrumentation and routes separately, and a second PGlite instance
 * on the same directory would corrupt it.
 */
export function getDbHandle(): Promise<DbHandle> {
  globalForDb.holdfastDb ??= (async () => {
    // Migrations may rewrite large tables: on a server they run on a connection without the statement timeout.
    if (env.DATABASE_URL) {
      const migrating = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.HOLDFAST_DATA_DIR });
      try {
        await migrateDatabase(migrating);
      } finally {
        await migrating.close();
      }
    }
    const handle = await openDatabase({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.HOLDFAST_DATA_DIR,
      replicas: { urls: env.DATABASE_REPLICA_URLS, maxLagSeconds: env.DATABASE_REPLICA_MAX_LAG_SECONDS },
      statementTimeoutMs: env.HOLDFAST_STATEMENT_TIMEOUT_SECONDS * 1000,
    });
    if (!env.DATABASE_URL) await migrateDatabase(handle);
    return handle;
  })();
  return globalForDb.holdfastDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** The database for reads that may lag, for this user (see readDbFor). */
export async function getReadDb(userId: number | null): Promise<Db> {
  return readDbFor(await getDbHandle(), userId);
}
