import 'server-only';
import { migrateDatabase, openDatabase, type Db, type DbHandle } from '@/db/client';
import { env } from './env';

const globalForDb = globalThis as typeof globalThis & { holdfastDb?: Promise<DbHandle> };

/**
 * The one database handle of this process, migrated before first use. Kept on globalThis
 * because Next bundles instrumentation and routes separately, and a second PGlite instance
 * on the same directory would corrupt it.
 */
export function getDbHandle(): Promise<DbHandle> {
  globalForDb.holdfastDb ??= (async () => {
    const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.HOLDFAST_DATA_DIR });
    await migrateDatabase(handle);
    return handle;
  })();
  return globalForDb.holdfastDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}
