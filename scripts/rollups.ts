import '@/server/cli/load-errors';
import { CliUsageError, EXIT_OK, openCliDatabase, runCli } from '@/server/cli/run-cli';
import { env } from '@/server/env';
import { rebuildRollups } from '@/server/metrics/rollups/state';
import { getSettings } from '@/server/services/settings';

const USAGE = 'Usage: npm run rollups -- rebuild';

/**
 * Rebuilds every rollup from the base tables in one transaction, for the current report time zone
 * and dispute SLA: after a bulk load straight into the tables (COPY, generate_series), which the
 * triggers do see, or to check them against the base tables.
 */
async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === '--help' || command === '-h') {
    console.log(USAGE);
    return EXIT_OK;
  }
  if (command !== 'rebuild' || rest.length > 0)
    throw new CliUsageError(`Unknown arguments: ${process.argv.slice(2).join(' ') || '(none)'}`, USAGE);
  const handle = await openCliDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.HOLDFAST_DATA_DIR });
  try {
    const settings = await getSettings(handle.db);
    const started = Date.now();
    await rebuildRollups(handle.db, { tz: settings.reportTz, disputeSlaHours: settings.disputeSlaHours });
    console.log(
      `Rollups rebuilt for ${settings.reportTz}, dispute SLA ${settings.disputeSlaHours} h, in ${Date.now() - started} ms.`,
    );
  } finally {
    await handle.close();
  }
  return EXIT_OK;
}

await runCli('rollups', main);
