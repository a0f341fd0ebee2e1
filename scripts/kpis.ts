import '@/server/cli/load-errors';
import { parseArgs } from 'node:util';
import type { Db } from '@/db/client';
import { describeKpiQueryError, kpiQuerySchema, type KpiQuery } from '@/lib/schemas/kpis';
import { CliUsageError, EXIT_OK, openCliDatabase, runCli } from '@/server/cli/run-cli';
import { env } from '@/server/env';
import { ApiError } from '@/server/http/api-error';
import { computeKpiDocument, type KpiDocument } from '@/server/metrics/kpi-document';
import { assertFiltersExist } from '@/server/metrics/scope';
import { getSettings } from '@/server/services/settings';

const USAGE = 'Usage: npm run kpis -- --from YYYY-MM-DD --to YYYY-MM-DD [--region CODE] [--rep EMAIL]';

/** The parsed query, or null for --help. */
function readQuery(): KpiQuery | null {
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
    throw new CliUsageError(error instanceof Error ? error.message : String(error), USAGE);
  }
  if (values.help) return null;
  const parsed = kpiQuerySchema.safeParse(values);
  if (!parsed.success) throw new CliUsageError(describeKpiQueryError(parsed.error), USAGE);
  return parsed.data;
}

async function main(): Promise<number> {
  const query = readQuery();
  if (!query) {
    console.log(USAGE);
    return EXIT_OK;
  }
  const handle = await openCliDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.HOLDFAST_DATA_DIR });
  let kpis: KpiDocument;
  try {
    kpis = await figures(handle.db, query);
  } catch (error) {
    // An unknown region or rep is a usage error, not a database one.
    if (error instanceof ApiError) throw new CliUsageError(error.message);
    throw error;
  } finally {
    await handle.close();
  }
  process.stdout.write(`${JSON.stringify(kpis, null, 2)}\n`);
  return EXIT_OK;
}

/** As an unrestricted admin: filters are only checked to exist. */
async function figures(db: Db, query: KpiQuery): Promise<KpiDocument> {
  const filters = { region: query.region ?? null, rep: query.rep ?? null };
  await assertFiltersExist(db, filters);
  const settings = await getSettings(db);
  return computeKpiDocument(db, { from: query.from, to: query.to, ...filters, settings });
}

await runCli('kpis', main);
