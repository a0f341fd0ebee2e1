import '@/server/cli/load-errors';
import type { DbHandle } from '@/db/client';
import { seedDemoIfEmpty } from '@/db/seed/demo';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@/lib/demo-accounts';
import { EXIT_OK, openCliDatabase, runCli } from '@/server/cli/run-cli';
import { env } from '@/server/env';

async function main(): Promise<number> {
  let handle: DbHandle | undefined;
  try {
    handle = await openCliDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.HOLDFAST_DATA_DIR });
    const started = performance.now();
    const counts = await seedDemoIfEmpty(handle.db);
    if (!counts) {
      console.log(
        `The database at ${handle.location} already has data (it has users); demo data was not added and nothing was changed.`,
      );
      return EXIT_OK;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Demo data added to ${handle.driver} at ${handle.location} in ${seconds} s:`);
    for (const [table, count] of Object.entries(counts))
      console.log(`  ${table.padEnd(16)} ${count.toLocaleString('en-GB')}`);
    console.log(`\nDemo logins (password "${DEMO_PASSWORD}"):`);
    for (const login of DEMO_LOGINS) console.log(`  ${login.email.padEnd(28)} ${login.description}`);
    return EXIT_OK;
  } finally {
    await handle?.close();
  }
}

await runCli('seed-demo', main);
