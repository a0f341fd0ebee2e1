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
import { BENCH_REGIONS, postcodesCsv, regionsCsv, usersCsv } from './customers-csv';

/**
 * Export benchmark: N generated customers (default 100,000 and 1,000,000) in a fresh database on
 * the server of --database-url (or PGlite under /tmp without it), exported through `startExport`,
 * the code path of GET /api/v1/export/customers.csv, into a file. Reports rows/s and RSS sampled
 * every 50 ms. Against a server it then runs `psql \copy (<the same SELECT>) to <file>` for
 * comparison, timed with /usr/bin/time (wall time and psql's peak RSS).
 *
 *   npx tsx --conditions=react-server scripts/bench/export.ts [--rows 100000,1000000] [--formats csv,xlsx] [--database-url URL]
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

async function runExport(handle: DbHandle, admin: SessionUser, format: ExportFormat, rows: number) {
  const file = path.join(os.tmpdir(), `holdfast-bench-export-${rows}.${format}`);
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const t0 = performance.now();
  try {
    const download = await startExport(handle.db, admin, { dataset: 'customers', format, ...ALL_TIME });
    await pipeline(Readable.fromWeb(download.stream as NodeReadableStream<Uint8Array>), fs.createWriteStream(file));
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - t0) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  const size = fs.statSync(file).size;
  console.log(
    `  export ${format}: ${fmt(rows)} rows in ${seconds.toFixed(1)} s = ${fmt(rows / seconds)} rows/s; ` +
      `${mb(size)} file; RSS ${mb(before)} before, peak ${mb(peak)} during (+${mb(peak - before)})`,
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
      for (const format of formats) await runExport(fresh.handle, admin, format, rows);
      if (fresh.url) psqlCopy(fresh.url, await exportSql(fresh.handle, admin), rows);
    } finally {
      await fresh.handle.close();
      await fresh.cleanup();
    }
  }
}

await main();
