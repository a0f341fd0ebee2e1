import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { migrateDatabase, openDatabase } from '@/db/client';
import type { ImportEntity } from '@/lib/schemas/import';
import { importCsv, type ImportOptions } from '@/server/import/import-csv';
import { computeKpis } from '@/server/metrics/kpis';
import { getSettings } from '@/server/services/settings';
import { postcodesCsv, regionsCsv, usersCsv, writeCustomersCsv } from './customers-csv';

/**
 * How long other requests wait while PGlite imports: a fresh PGlite directory with 20,000
 * customers, then an import of N more (default 200,000) while a KPI computation — what
 * GET /api/v1/kpis runs — starts every 500 ms. Prints the KPI latencies while idle and during
 * the import (median, p95, max). `--write-mode transaction` imports the old way (one transaction
 * for the whole file) for comparison.
 *
 *   npx tsx --conditions=react-server scripts/bench/pglite-import-contention.ts [--rows N] [--write-mode staged|transaction]
 */
const TZ = 'Europe/Madrid';
const INTERVAL_MS = 500;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

const rows = Number(option('--rows') ?? 200_000);
const writeMode = (option('--write-mode') ?? 'staged') as NonNullable<ImportOptions['writeMode']>;
const BASE_ROWS = 20_000;

async function csvFile(n: number): Promise<string> {
  const file = path.join(os.tmpdir(), `holdfast-bench-customers-${n}.csv`);
  if (!fs.existsSync(file)) await writeCustomersCsv(file, n);
  return file;
}

function summary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `n=${sorted.length} median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-bench-contention-'));
  const handle = await openDatabase({ dataDir: path.join(dir, 'data') });
  try {
    await migrateDatabase(handle);
    const db = handle.db;
    const small: Array<[ImportEntity, string]> = [
      ['regions', regionsCsv()],
      ['postcodes', postcodesCsv()],
      ['users', usersCsv()],
    ];
    for (const [entity, text] of small) await importCsv(db, entity, Readable.from([text]), { skipInvalid: false, reportTz: TZ });
    // The base customers share account numbers with the big file's first rows: those are updates.
    await importCsv(db, 'customers', fs.createReadStream(await csvFile(BASE_ROWS)), { skipInvalid: false, reportTz: TZ });

    const settings = await getSettings(db);
    const kpi = async () => {
      const t0 = performance.now();
      await computeKpis(db, { from: '2024-01-01', to: '2024-12-31', region: null, rep: null, settings });
      return performance.now() - t0;
    };
    const idle: number[] = [];
    for (let i = 0; i < 10; i++) idle.push(await kpi());

    const file = await csvFile(rows);
    let importing = true;
    const during: number[] = [];
    const sampler = (async () => {
      while (importing) {
        const started = performance.now();
        // A computation that started during the import counts, however late it answers.
        during.push(await kpi());
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, INTERVAL_MS - (performance.now() - started))));
      }
    })();
    const t0 = performance.now();
    const report = await importCsv(db, 'customers', fs.createReadStream(file), { skipInvalid: false, reportTz: TZ, writeMode });
    const seconds = (performance.now() - t0) / 1000;
    importing = false;
    await sampler;
    if (!report.committed) throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);

    console.log(
      `PGlite, write mode ${writeMode}; ${BASE_ROWS.toLocaleString('en')} customers, then ${rows.toLocaleString('en')} imported ` +
        `(${report.rowsInserted.toLocaleString('en')} inserted, ${report.rowsUpdated.toLocaleString('en')} updated) in ${seconds.toFixed(1)} s; ` +
        `Node ${process.version}, nproc ${os.cpus().length}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
    );
    console.log(`KPI computation idle:             ${summary(idle)}`);
    console.log(`KPI computation during the import: ${summary(during)}`);
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
