import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { migrateDatabase, openDatabase } from '@/db/client';
import { buildScaleDataset, type ScaleSizes } from './scale-dataset';
import { measureScale } from './scale-measure';

/**
 * The dashboard at a large operator's volume (issue 11). Builds (once) a dataset on a PostgreSQL
 * server with generate_series, rebuilds the rollups (when it built the data, or with --rebuild-rollups), then measures a running server against it.
 *
 *   npx tsx --conditions=react-server scripts/bench/scale.ts --database-url postgres://postgres@127.0.0.1:5432/postgres \
 *     [--database holdfast_scale] [--customers 2000000] [--retention 3000000] [--disputes 8000000]
 *     [--compensations 7000000] [--outages 200] [--rebuild-data] [--rebuild-rollups] [--build-only]
 *     [--base-url http://localhost:3206 | --dist-dir .next-scalebench --port 3206] [--samples 20] [--timeout 120]
 *
 * The dataset lives in its own database (default holdfast_scale) and is reused while its sizes match.
 */
const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    database: { type: 'string', default: 'holdfast_scale' },
    customers: { type: 'string', default: '2000000' },
    retention: { type: 'string', default: '3000000' },
    disputes: { type: 'string', default: '8000000' },
    compensations: { type: 'string', default: '7000000' },
    outages: { type: 'string', default: '200' },
    'rebuild-data': { type: 'boolean', default: false },
    'build-only': { type: 'boolean', default: false },
    'rebuild-rollups': { type: 'boolean', default: false },
    'base-url': { type: 'string' },
    'dist-dir': { type: 'string' },
    port: { type: 'string', default: '3206' },
    samples: { type: 'string', default: '20' },
    timeout: { type: 'string', default: '120' },
    budget: { type: 'string', default: '90' },
    concurrency: { type: 'string', default: '50' },
    duration: { type: 'string', default: '30' },
    only: { type: 'string' },
  },
});

const serverUrl = values['database-url'];
if (!serverUrl) throw new Error('--database-url is required (a PostgreSQL server; the dataset gets its own database)');
const sizes: ScaleSizes = {
  customers: Number(values.customers),
  retention: Number(values.retention),
  disputes: Number(values.disputes),
  compensations: Number(values.compensations),
  outages: Number(values.outages),
};

function databaseUrl(name: string): string {
  const url = new URL(serverUrl ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

async function storedSizes(url: string): Promise<ScaleSizes | null> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ sizes: string }[]>`select sizes::text as sizes from bench_scale_meta`;
    const stored = rows[0]?.sizes;
    if (stored === undefined) return null;
    // Stored once as a JSON string inside jsonb, once as an object: both read back the same.
    const parsed = JSON.parse(stored) as ScaleSizes | string;
    return typeof parsed === 'string' ? (JSON.parse(parsed) as ScaleSizes) : parsed;
  } catch {
    return null;
  } finally {
    await sql.end();
  }
}

function hasRollupsCommand(): boolean {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts?: Record<string, string> };
  return Boolean(pkg.scripts?.rollups);
}

async function hasRebuildFunction(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ found: boolean }[]>`select exists (select 1 from pg_proc where proname = 'rollups_rebuild') as found`;
    return row?.found ?? false;
  } finally {
    await sql.end();
  }
}

async function ensureDataset(url: string): Promise<void> {
  const stored = await storedSizes(url);
  const fresh = !stored || values['rebuild-data'];
  const same = (a: ScaleSizes, b: ScaleSizes) => (Object.keys(b) as (keyof ScaleSizes)[]).every((k) => a[k] === b[k]);
  if (stored && !values['rebuild-data'] && !same(stored, sizes)) {
    throw new Error(`${values.database} holds ${JSON.stringify(stored)}; pass those sizes, another --database, or --rebuild-data`);
  }
  if (stored && !values['rebuild-data']) {
    console.log(`dataset ${values.database} already built with these sizes: reused`);
  } else {
    const admin = postgres(serverUrl ?? '', { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${values.database} with (force)`);
    await admin.unsafe(`create database ${values.database}`);
    await admin.end();
    const handle = await openDatabase({ databaseUrl: url, dataDir: 'unused' });
    await migrateDatabase(handle);
    await handle.close();
    const t0 = performance.now();
    console.log(`building ${JSON.stringify(sizes)} in ${values.database}`);
    await buildScaleDataset(url, sizes);
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    await sql`create table bench_scale_meta (sizes jsonb not null)`;
    await sql`insert into bench_scale_meta (sizes) values (${JSON.stringify(sizes)}::jsonb)`;
    await sql.end();
    console.log(`dataset built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  // Migrations that arrived since the build (the rollup tables) apply to the existing data.
  const handle = await openDatabase({ databaseUrl: url, dataDir: 'unused' });
  await migrateDatabase(handle);
  await handle.close();
  if (!fresh && !values['rebuild-rollups']) {
    // A full rebuild takes about 20 minutes at the default sizes; the app rebuilds by itself when
    // the report time zone or SLA the rollups were built for has changed.
    console.log('rollups kept from the last run (--rebuild-rollups to rebuild them)');
  } else if (hasRollupsCommand()) {
    const t0 = performance.now();
    execFileSync('npm', ['run', 'rollups', '--', 'rebuild'], {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: url },
    });
    console.log(`rollups rebuilt in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  } else if (await hasRebuildFunction(url)) {
    // Before the CLI existed: the migration's own rebuild function, with the default settings.
    const t0 = performance.now();
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    await sql`select rollups_rebuild('Europe/Madrid', 72)`;
    await sql`vacuum analyze`;
    await sql.end();
    console.log(`no \`npm run rollups\` yet: rollups_rebuild('Europe/Madrid', 72) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  } else {
    console.log('no `npm run rollups` yet and no rollups: rollup rebuild skipped');
  }
}

const url = databaseUrl(values.database);
await ensureDataset(url);
if (!values['build-only']) {
  await measureScale({
    databaseUrl: url,
    baseUrl: values['base-url'],
    distDir: values['dist-dir'],
    port: Number(values.port),
    samples: Number(values.samples),
    timeoutMs: Number(values.timeout) * 1000,
    itemBudgetMs: Number(values.budget) * 1000,
    concurrency: Number(values.concurrency),
    durationS: Number(values.duration),
    only: values.only?.split(',') ?? null,
  });
}
