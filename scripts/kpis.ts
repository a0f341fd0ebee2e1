import { parseArgs } from 'node:util';
import { DatabaseConfigError, migrateDatabase, openDatabase, type Db, type DbHandle } from '@/db/client';
import { DirectoryInUseError } from '@/db/directory-lock';
import { describeKpiQueryError, kpiQuerySchema, type KpiQuery } from '@/lib/schemas/kpis';
import { env } from '@/server/env';
import { ApiError } from '@/server/http/api-error';
import { computeKpis, type Kpis } from '@/server/metrics/kpis';
import { assertFiltersExist } from '@/server/metrics/scope';
import { getSettings } from '@/server/services/settings';

const USAGE = 'Usage: npm run kpis -- --from YYYY-MM-DD --to YYYY-MM-DD [--region CODE] [--rep EMAIL]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function readQuery() {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        region: { type: 'string' },
        rep: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const parsed = kpiQuerySchema.safeParse(values);
  if (!parsed.success) fail(`${describeKpiQueryError(parsed.error)}\n${USAGE}`);
  return parsed.data;
}

async function main() {
  const query = readQuery();
  let handle: DbHandle;
  try {
    handle = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.HOLDFAST_DATA_DIR });
  } catch (error) {
    if (error instanceof DatabaseConfigError || error instanceof DirectoryInUseError) fail(error.message);
    throw error;
  }
  let kpis: Kpis;
  try {
    await migrateDatabase(handle);
    kpis = await figures(handle.db, query);
  } catch (error) {
    await handle.close();
    if (error instanceof ApiError) fail(error.message);
    throw error;
  }
  await handle.close();
  process.stdout.write(`${JSON.stringify(kpis, null, 2)}\n`);
}

/** As an unrestricted admin: filters are only checked to exist. */
async function figures(db: Db, query: KpiQuery): Promise<Kpis> {
  const filters = { region: query.region ?? null, rep: query.rep ?? null };
  await assertFiltersExist(db, filters);
  const settings = await getSettings(db);
  return computeKpis(db, { from: query.from, to: query.to, ...filters, settings });
}

await main();
