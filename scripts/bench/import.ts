import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import postgres from 'postgres';
import { migrateDatabase, openDatabase, type DbHandle } from '@/db/client';
import type { ImportEntity } from '@/lib/schemas/import';
import { importCsv } from '@/server/import/import-csv';
import { postcodesCsv, regionsCsv, usersCsv, writeCustomersCsv } from './customers-csv';

/**
 * Import benchmark: a generated customers CSV (default 1,000,000 rows) into a fresh PGlite
 * directory under /tmp, or a fresh database on the server of --database-url. Reports rows/s and
 * peak RSS, sampled per batch, to show memory stays flat while the file streams.
 *
 *   npx tsx --conditions=react-server scripts/bench/import.ts [--rows N] [--file PATH] [--database-url URL] [--twice] [--reader copy|rows]
 *
 * `--reader rows` makes a server import read row by row (the path before the COPY import) for comparison.
 */
const TZ = 'Europe/Madrid';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

const rows = Number(option('--rows') ?? 1_000_000);
const file = option('--file') ?? path.join(os.tmpdir(), `holdfast-bench-customers-${rows}.csv`);
const serverUrl = option('--database-url');
const twice = process.argv.includes('--twice');
const reader = option('--reader') === 'rows' ? 'rows' : 'copy';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function openFresh(): Promise<{ handle: DbHandle; where: string; cleanup: () => Promise<void> }> {
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-bench-pglite-'));
    const handle = await openDatabase({ dataDir: path.join(dir, 'data') });
    const cleanup = () => {
      fs.rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
    return { handle, where: `PGlite in ${dir}`, cleanup };
  }
  const name = `holdfast_bench_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused' });
  return {
    handle,
    where: `PostgreSQL ${handle.location}`,
    cleanup: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function main() {
  if (!fs.existsSync(file)) {
    const t0 = performance.now();
    await writeCustomersCsv(file, rows);
    console.log(`generated ${file} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const size = fs.statSync(file).size;
  const { handle, where, cleanup } = await openFresh();
  try {
    await migrateDatabase(handle);
    const small: Array<[ImportEntity, string]> = [
      ['regions', regionsCsv()],
      ['postcodes', postcodesCsv()],
      ['users', usersCsv()],
    ];
    for (const [entity, text] of small) {
      const report = await importCsv(handle.db, entity, Readable.from([text]), { skipInvalid: false, reportTz: TZ });
      if (!report.committed) throw new Error(`${entity}: ${JSON.stringify(report.errors.slice(0, 3))}`);
    }
    console.log(
      `${where}; file ${file}: ${rows.toLocaleString('en')} rows, ${mb(size)}; Node ${process.version}, ${os.cpus().length} cores, ${mb(os.totalmem())} RAM`,
    );

    const baseline = process.memoryUsage().rss;
    console.log(`RSS with the database open and migrated: ${mb(baseline)}`);
    for (const pass of twice ? ['insert', 'update'] : ['insert']) {
      let peak = process.memoryUsage().rss;
      const samples: string[] = [];
      let last = -100_000;
      const t0 = performance.now();
      const report = await importCsv(handle.db, 'customers', fs.createReadStream(file), {
        skipInvalid: false,
        reportTz: TZ,
        reader,
        onReader: (way) => console.log(`read: ${way}`),
        onProgress: (n) => {
          const rss = process.memoryUsage().rss;
          peak = Math.max(peak, rss);
          if (n % 200_000 < 2000 && n >= last + 100_000) {
            last = n;
            samples.push(`${Math.round(n / 1000)}k ${mb(rss)} (JS heap ${mb(process.memoryUsage().heapUsed)})`);
          }
        },
      });
      const seconds = (performance.now() - t0) / 1000;
      if (!report.committed || report.rowsWritten !== rows)
        throw new Error(`import failed: ${JSON.stringify({ ...report, errors: report.errors.slice(0, 3) })}`);
      console.log(
        `${pass}: ${report.rowsWritten.toLocaleString('en')} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds).toLocaleString('en')} rows/s; ` +
          `peak RSS during the import ${mb(peak)}, process max so far ${mb(process.resourceUsage().maxRSS * 1024)}; RSS at ${samples.join(', ')}`,
      );
    }
  } finally {
    await handle.close();
    await cleanup();
  }
}

await main();
