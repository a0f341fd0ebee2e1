import crypto from 'node:crypto';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '@/db/client';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database migrated once for the run, which test/db.ts copies for each file (PostgreSQL only). */
    postgresTemplate: string | null;
  }
}

/**
 * Once per integration run on a PostgreSQL server (TEST_DATABASE_URL): a migrated template
 * database, so a test file's database is a copy (CREATE DATABASE … TEMPLATE) instead of a
 * fresh migration. Dropped at the end of the run.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    project.provide('postgresTemplate', null);
    return undefined;
  }
  const name = `holdfast_template_${crypto.randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { onnotice: () => {}, max: 1 });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://' });
  try {
    await migrateDatabase(handle);
  } finally {
    // A template with a session open cannot be copied.
    await handle.close();
  }
  project.provide('postgresTemplate', name);
  return async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}
