import '@/server/cli/load-errors';
import fs from 'node:fs';
import type { DbHandle } from '@/db/client';
import { IMPORT_ENTITIES, importEntitySchema } from '@/lib/schemas/import';
import { CliUsageError, EXIT_INVALID, EXIT_OK, openCliDatabase, runCli } from '@/server/cli/run-cli';
import { env } from '@/server/env';
import { formatReport } from '@/server/import/format-report';
import { importCsv } from '@/server/import/import-csv';
import { getSettings } from '@/server/services/settings';

const USAGE = `Usage: npm run import -- <entity> <file.csv> [--skip-invalid]
  entity: ${IMPORT_ENTITIES.join(', ')} (import them in this order)
  --skip-invalid  write the valid rows and save the invalid ones to <file.csv>.rejects.csv
Exits 0 when every row was written, 1 on a usage error or when a row or the header was rejected,
2 when the database cannot be opened, migrated or written.`;

class UsageError extends CliUsageError {
  constructor(message: string) {
    super(message, USAGE);
  }
}

function parseArgs(argv: string[]) {
  const flags = argv.filter((a) => a.startsWith('-'));
  const positional = argv.filter((a) => !a.startsWith('-'));
  const unknownFlag = flags.find((f) => f !== '--skip-invalid');
  if (flags.includes('--help') || flags.includes('-h')) return null;
  if (unknownFlag) throw new UsageError(`Unknown option ${unknownFlag}.`);
  if (positional.length !== 2) throw new UsageError('Expected an entity and a CSV file.');
  const [rawEntity = '', file = ''] = positional;
  const entity = importEntitySchema.safeParse(rawEntity);
  if (!entity.success) throw new UsageError(entity.error.issues[0]?.message ?? `Unknown entity "${rawEntity}".`);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`No such file: ${file}`);
  return { entity: entity.data, file, skipInvalid: flags.includes('--skip-invalid') };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.log(USAGE);
    return EXIT_OK;
  }
  let handle: DbHandle | null = null;
  try {
    handle = await openCliDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.HOLDFAST_DATA_DIR });
    const { reportTz } = await getSettings(handle.db);
    const showProgress = process.stderr.isTTY;
    const report = await importCsv(handle.db, args.entity, fs.createReadStream(args.file), {
      skipInvalid: args.skipInvalid,
      reportTz,
      source: 'cli',
      onProgress: showProgress ? (n) => process.stderr.write(`\r${n} rows read…`) : undefined,
    });
    if (showProgress) process.stderr.write('\r\x1b[K');

    console.log(`Database: ${handle.location}`);
    for (const line of formatReport(report)) console.log(line);
    if (report.rejectsCsv !== undefined) {
      const rejectsFile = `${args.file}.rejects.csv`;
      fs.writeFileSync(rejectsFile, report.rejectsCsv);
      console.log(`The ${report.invalidRows} rejected rows, with a reason column, are in ${rejectsFile}`);
    }
    const clean = report.committed && report.rowsRejected === 0 && !report.headerError && !report.csvError;
    return clean ? EXIT_OK : EXIT_INVALID;
  } finally {
    await handle?.close();
  }
}

await runCli('import', main);
