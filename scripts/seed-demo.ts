import { DatabaseConfigError, migrateDatabase, openDatabase, type DbHandle } from '@/db/client';
import { DirectoryInUseError } from '@/db/directory-lock';
import { seedDemoIfEmpty } from '@/db/seed/demo';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@/lib/demo-accounts';
import { env } from '@/server/env';

async function main(): Promise<number> {
  let handle: DbHandle | undefined;
  try {
    handle = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.HOLDFAST_DATA_DIR });
    await migrateDatabase(handle);
    const started = performance.now();
    const counts = await seedDemoIfEmpty(handle.db);
    if (!counts) {
      console.log(
        `The database at ${handle.location} already has data (it has users); demo data was not added and nothing was changed.`,
      );
      return 0;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Demo data added to ${handle.driver} at ${handle.location} in ${seconds} s:`);
    for (const [table, count] of Object.entries(counts))
      console.log(`  ${table.padEnd(16)} ${count.toLocaleString('en-GB')}`);
    console.log(`\nDemo logins (password "${DEMO_PASSWORD}"):`);
    for (const login of DEMO_LOGINS) console.log(`  ${login.email.padEnd(28)} ${login.description}`);
    return 0;
  } catch (error) {
    if (error instanceof DatabaseConfigError || error instanceof DirectoryInUseError) {
      console.error(`Cannot seed the demo data: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await handle?.close();
  }
}

process.exitCode = await main();
