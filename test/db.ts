import crypto from 'node:crypto';
import { inject } from 'vitest';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, queryRows, type Db, type DbHandle } from '@/db/client';

export interface TestDb {
  db: Db;
  driver: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/**
 * One in-memory PGlite per Vitest worker process, handed to one test file at a time: starting
 * PGlite costs seconds, emptying and migrating it a fraction of one. Kept on globalThis, which
 * outlives the test files of a worker when the project does not isolate them (vitest.config.ts).
 */
interface SharedPglite {
  handle: DbHandle;
  /** The test file holding it (test/integration-setup.ts numbers the files of a worker), or null. */
  heldBy: number | null;
  /** The latest file's emptying and migration, which the next file waits for. */
  ready: Promise<void>;
}

const worker = globalThis as typeof globalThis & {
  holdfastTestPglite?: Promise<SharedPglite>;
  holdfastTestFile?: number;
};

/** Empties the database of the previous file: every schema but the system's, and the session's state. */
async function emptyDatabase(db: Db): Promise<void> {
  // A transaction the previous file left open (a warning, not an error, when there is none).
  await db.execute(sql`rollback`);
  // Temporary tables, held cursors, prepared statements, session settings, advisory locks.
  await db.execute(sql`discard all`);
  const schemas = await queryRows<{ name: string }>(
    db,
    sql`select nspname as name from pg_namespace
        where nspname not in ('information_schema') and left(nspname, 3) <> 'pg_'`,
  );
  for (const { name } of schemas) await db.execute(sql.raw(`drop schema if exists "${name.replace(/"/g, '""')}" cascade`));
  await db.execute(sql`create schema public`);
}

async function openShared(): Promise<SharedPglite> {
  return { handle: await openDatabase({ dataDir: 'memory://' }), heldBy: null, ready: Promise.resolve() };
}

async function sharedPglite(): Promise<TestDb | null> {
  const file = worker.holdfastTestFile ?? 0;
  worker.holdfastTestPglite ??= openShared();
  let shared = await worker.holdfastTestPglite;
  // A second database in the same file while the first is open: that one gets a PGlite of its own.
  if (shared.heldBy === file) return null;
  shared.heldBy = file;
  // After the previous file's own preparation, should it still be running (its hook timed out).
  const previous = shared.ready;
  const prepare = previous.then(async () => {
    await emptyDatabase(shared.handle.db);
    await migrateDatabase(shared.handle);
  });
  shared.ready = prepare.catch(() => {});
  try {
    await prepare;
  } catch {
    // A database the previous file left in a state that cannot be emptied: start a new one.
    await shared.handle.close().catch(() => {});
    worker.holdfastTestPglite = openShared();
    shared = await worker.holdfastTestPglite;
    shared.heldBy = file;
    await migrateDatabase(shared.handle);
  }
  const held = shared;
  return {
    db: held.handle.db,
    driver: 'pglite',
    close() {
      if (held.heldBy === file) held.heldBy = null;
      return Promise.resolve();
    },
  };
}

/** A migrated copy of the template database test/integration-global-setup.ts made for this run. */
async function postgresFromTemplate(serverUrl: string, template: string): Promise<TestDb> {
  const name = `holdfast_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { onnotice: () => {}, max: 1 });
  await admin.unsafe(`create database ${name} template ${template}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://' });
  return {
    db: handle.db,
    driver: 'postgres',
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the PostgreSQL server named by TEST_DATABASE_URL (the test command starts one), dropped on close.
 * On PGlite the worker's instance is emptied and migrated again for each file (a second database
 * the same file opens meanwhile is a PGlite of its own); on PostgreSQL the database is a copy of
 * a template migrated once per run.
 */
export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const shared = await sharedPglite();
    if (shared) return shared;
    const handle = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(handle);
    return { db: handle.db, driver: 'pglite', close: () => handle.close() };
  }
  const template = inject('postgresTemplate');
  if (template) return postgresFromTemplate(serverUrl, template);
  const name = `holdfast_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { onnotice: () => {}, max: 1 });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://' });
  await migrateDatabase(handle);
  return {
    db: handle.db,
    driver: 'postgres',
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** The database's own message for a failed query (Drizzle wraps it as the cause). */
export async function databaseError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : String(error);
  }
  throw new Error('expected the query to fail');
}
