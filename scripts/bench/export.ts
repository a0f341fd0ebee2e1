import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { migrateDatabase, openDatabase, queryRows, type DbHandle } from '@/db/client';
import type { ExportFormat } from '@/lib/schemas/exports';
import type { ImportEntity } from '@/lib/schemas/import';
import { CHURN_CATEGORIES } from '@/lib/vocabularies';
import type { SessionUser } from '@/server/auth/session-user';
import { startExport } from '@/server/export/export-stream';
import { planExport } from '@/server/export/plan';
import { exportSelect } from '@/server/export/query';
import { importCsv } from '@/server/import/import-csv';
import { computeKpis } from '@/server/metrics/kpis';
import { getSettings } from '@/server/services/settings';
import { BENCH_REGIONS, postcodesCsv, regionsCsv, usersCsv } from './customers-csv';

/**
 * Export benchmark: N generated customers (default 100,000 and 1,000,000) in a fresh database on
 * the server of --database-url (or PGlite under /tmp without it), exported through `startExport`,
 * the code path of GET /api/v1/export/customers.csv, into a file. Reports rows/s and RSS sampled
 * every 50 ms. Against a server it then runs `psql \copy (<the same SELECT>) to <file>` for
 * comparison, timed with /usr/bin/time (wall time and psql's peak RSS).
 *
 * With --repeat N each size runs N rounds, each round the CSV readers (--readers copy,cursor:
 * COPY … TO STDOUT, the fetch-and-format path) and psql side by side, and medians are printed.
 * With --kpi, while each export runs, the KPI computation behind GET /api/v1/kpis is started once a
 * second in the same process (and 20 times before, idle), and its p99 is reported; it competes
 * with the export for the machine, so compare rows/s from runs without it.
 *
 *   npx tsx --conditions=react-server scripts/bench/export.ts [--rows 100000,1000000] [--formats csv,xlsx] [--database-url URL]
 *     [--readers copy,cursor] [--repeat N] [--kpi]
 */
const TZ = 'Europe/Madrid';
const ALL_TIME = { from: '1900-01-01', to: '2999-12-31' };

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

const sizes = (option('--rows') ?? '100000,1000000').split(',').map(Number);
const formats = (option('--formats') ?? 'csv').split(',') as ExportFormat[];
const serverUrl = option('--database-url');
const readers = (option('--readers') ?? 'copy,cursor').split(',') as Array<'copy' | 'cursor'>;
const repeat = Number(option('--repeat') ?? 1);
const probeKpis = process.argv.includes('--kpi');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const fmt = (n: number) => Math.round(n).toLocaleString('en');

interface Fresh {
  handle: DbHandle;
  url: string | null;
  cleanup: () => Promise<void>;
}

async function openFresh(): Promise<Fresh> {
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-bench-export-'));
    const handle = await openDatabase({ dataDir: path.join(dir, 'data') });
    return {
      handle,
      url: null,
      cleanup: () => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true })),
    };
  }
  const name = `holdfast_bench_export_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused' });
  return {
    handle,
    url: url.toString(),
    cleanup: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const list = (items: readonly (string | number)[]) =>
  sql.raw(`array[${items.map((v) => (typeof v === 'number' ? String(v) : `'${v}'`)).join(', ')}]`);

/** `rows` customers like scripts/bench/customers-csv.ts, written by one INSERT … SELECT generate_series. */
async function seed(handle: DbHandle, rows: number): Promise<SessionUser> {
  const small: Array<[ImportEntity, string]> = [
    ['regions', regionsCsv()],
    ['postcodes', postcodesCsv()],
    ['users', usersCsv()],
  ];
  for (const [entity, text] of small) {
    const report = await importCsv(handle.db, entity, Readable.from([text]), { skipInvalid: false, reportTz: TZ });
    if (!report.committed) throw new Error(`${entity}: ${JSON.stringify(report.errors.slice(0, 3))}`);
  }
  await handle.db.execute(sql`
    insert into customers (account_number, name, region_code, postcode, plan, activated_at, monthly_fee_cents,
      churned_at, churn_category, churn_reason, competitor, sold_by_id, promo_ends_at, promo_monthly_discount_cents)
    select 'ACC-' || lpad(g::text, 8, '0'),
      'Customer ' || g,
      r.code,
      r.code || '-' || lpad((1 + g % 8)::text, 3, '0'),
      'Plan ' || (${list([19, 29, 39, 49, 59, 99, 119])})[1 + g % 7],
      a.activated,
      (${list([1990, 2990, 3990, 4990, 5990, 9990, 11990])})[1 + (g / 7) % 7],
      case when g % 4 = 0 then a.activated + (g % 600) * interval '1 day' end,
      case when g % 4 = 0 then (${list(CHURN_CATEGORIES)})[1 + (g / 4) % ${CHURN_CATEGORIES.length}] end,
      case when g % 8 = 0 then 'Moved abroad, "for good"' end,
      case when g % 1000 = 0 then '=HYPERLINK("http://example.com")' when g % 12 = 0 then 'Fibra Norte' end,
      case when g % 5 < 3 then u.ids[1 + g % 10] end,
      case when g % 5 >= 3 then a.activated + interval '90 days' end,
      case when g % 5 >= 3 then 1000 end
    from generate_series(1, ${rows}::int) g
    cross join (select array_agg(id order by id) as ids from users) u
    cross join lateral (select (${list(BENCH_REGIONS)})[1 + g % ${BENCH_REGIONS.length}] as code) r
    cross join lateral (select timestamptz '2020-01-01 00:00:00+00' + ((g::bigint * 7919) % 157680000) * interval '1 second' as activated) a`);
  await handle.db.execute(sql`analyze customers`);
  const [admin] = await queryRows<{ id: number }>(
    handle.db,
    sql`insert into users (email, name, role) values ('admin@bench.test', 'Bench admin', 'admin') returning id`,
  );
  return { id: admin?.id ?? 0, email: 'admin@bench.test', name: 'Bench admin', role: 'admin', regionCode: null };
}

const results = new Map<string, number[]>();
function record(what: string, rowsPerSecond: number) {
  results.set(what, [...(results.get(what) ?? []), rowsPerSecond]);
}
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const p99 = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * 0.99) - 1)] ?? 0;

async function kpiOnce(handle: DbHandle): Promise<number> {
  const settings = await getSettings(handle.db);
  const t0 = performance.now();
  await computeKpis(handle.db, { from: '2024-01-01', to: '2024-12-31', region: null, rep: null, settings });
  return performance.now() - t0;
}

async function idleKpi(handle: DbHandle): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) times.push(await kpiOnce(handle));
  return times;
}

async function runExport(
  handle: DbHandle,
  admin: SessionUser,
  format: ExportFormat,
  rows: number,
  reader: 'copy' | 'cursor',
) {
  const file = path.join(os.tmpdir(), `holdfast-bench-export-${rows}.${format}`);
  const before = process.memoryUsage().rss;
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 50);
  const kpis: Promise<number>[] = [];
  const prober = setInterval(() => {
    if (probeKpis) kpis.push(kpiOnce(handle));
  }, 1000);
  const t0 = performance.now();
  try {
    const download = await startExport(
      handle.db,
      admin,
      { dataset: 'customers', format, ...ALL_TIME },
      format === 'csv' ? { reader } : {},
    );
    await pipeline(Readable.fromWeb(download.stream as NodeReadableStream<Uint8Array>), fs.createWriteStream(file));
  } finally {
    clearInterval(sampler);
    clearInterval(prober);
  }
  const seconds = (performance.now() - t0) / 1000;
  const kpiTimes = await Promise.all(kpis);
  const size = fs.statSync(file).size;
  // The first second is the stream's start-up; "flat" is about what follows.
  const steady = rss.slice(20);
  const what = format === 'csv' ? `export csv (${reader})` : `export ${format}`;
  record(what, rows / seconds);
  console.log(
    `  ${what}: ${fmt(rows)} rows in ${seconds.toFixed(1)} s = ${fmt(rows / seconds)} rows/s; ${mb(size)} file; ` +
      `RSS ${mb(before)} before, ${mb(Math.min(...rss))}–${mb(Math.max(...rss))} during, ` +
      `after the first second ${steady.length ? `${mb(Math.min(...steady))}–${mb(Math.max(...steady))}` : 'n/a'}; ` +
      `KPI during: ${kpiTimes.length} calls, p99 ${fmt(p99(kpiTimes))} ms, max ${fmt(Math.max(0, ...kpiTimes))} ms`,
  );
  fs.rmSync(file, { force: true });
}

/** The export's SELECT as one line of SQL with its parameters written in, for psql. */
async function exportSql(handle: DbHandle, admin: SessionUser): Promise<string> {
  const plan = await planExport(handle.db, admin, { dataset: 'customers', format: 'csv', ...ALL_TIME });
  const dialect = (handle.db as unknown as { dialect: { sqlToQuery(q: unknown): { sql: string; params: unknown[] } } })
    .dialect;
  const query = dialect.sqlToQuery(exportSelect(plan));
  return query.sql
    .replace(/\$(\d+)/g, (_, n: string) => `'${String(query.params[Number(n) - 1]).replaceAll("'", "''")}'`)
    .replace(/\s+/g, ' ');
}

function psqlCopy(url: string, select: string, rows: number) {
  const file = path.join(os.tmpdir(), `holdfast-bench-psql-${rows}.csv`);
  const result = execFileSync(
    'bash',
    [
      '-c',
      `set -o pipefail; /usr/bin/time -f '%e %M' psql "$1" -v ON_ERROR_STOP=1 -q -c "$2" 2>&1 >/dev/null | tail -1`,
      'psql-copy',
      url,
      `\\copy (${select}) to '${file}' with (format csv, header)`,
    ],
    { env: { ...process.env, PGOPTIONS: `-c TimeZone=${TZ}` }, encoding: 'utf8' },
  ).trim();
  const [seconds, maxRssKb] = result.split(' ').map(Number) as [number, number];
  const size = fs.statSync(file).size;
  record('psql \\copy', rows / seconds);
  console.log(
    `  psql \\copy (same SELECT): ${fmt(rows)} rows in ${seconds.toFixed(1)} s = ${fmt(rows / seconds)} rows/s; ` +
      `${mb(size)} file; psql peak RSS ${mb(maxRssKb * 1024)}`,
  );
  fs.rmSync(file, { force: true });
}

async function main() {
  console.log(
    `Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${mb(os.totalmem())} RAM; ` +
      `database: ${serverUrl ? 'PostgreSQL server' : 'PGlite in /tmp'}`,
  );
  for (const rows of sizes) {
    const fresh = await openFresh();
    try {
      await migrateDatabase(fresh.handle);
      const t0 = performance.now();
      const admin = await seed(fresh.handle, rows);
      console.log(`${fmt(rows)} customers generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const idle = probeKpis ? await idleKpi(fresh.handle) : [0];
      if (probeKpis) console.log(
        `  KPI idle: 20 calls, median ${fmt(median(idle))} ms, p99 ${fmt(p99(idle))} ms; load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
      );
      results.clear();
      for (let round = 1; round <= repeat; round++) {
        console.log(`  round ${round} (load average ${os.loadavg()[0]?.toFixed(1)})`);
        for (const format of formats) {
          for (const reader of format === 'csv' && fresh.url ? readers : (['cursor'] as const)) {
            await runExport(fresh.handle, admin, format, rows, reader);
          }
        }
        if (fresh.url) psqlCopy(fresh.url, await exportSql(fresh.handle, admin), rows);
      }
      const psql = median(results.get('psql \\copy') ?? []);
      for (const [what, values] of results) {
        console.log(
          `  median ${what}: ${fmt(median(values))} rows/s over ${values.length} runs` +
            (psql > 0 ? ` = ${(median(values) / psql).toFixed(2)}× psql` : ''),
        );
      }
    } finally {
      await fresh.handle.close();
      await fresh.cleanup();
    }
  }
}

await main();
