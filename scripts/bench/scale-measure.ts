import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import { appRouter } from '@/server/api/root';
import { createApiToken } from '@/server/auth/api-tokens';
import { BENCH_PASSWORD, NATIONAL_MANAGER, REGIONAL_MANAGER } from './scale-dataset';
import { signIn, waitForServer } from './scale-http';

export interface MeasureOptions {
  databaseUrl: string;
  baseUrl: string | undefined;
  distDir: string | undefined;
  port: number;
  samples: number;
  timeoutMs: number;
  /** Stop sampling one item once it has taken this long, so a 100 s query is not run 20 times. */
  itemBudgetMs: number;
  concurrency: number;
  durationS: number;
  /** Sections to run: kpis, procedures, pages, load. */
  only: string[] | null;
}

/** The benchmark's periods, ending with the data (scale-dataset.ts DATA_END). */
const PERIODS = {
  month: { from: '2026-11-01', to: '2026-11-30' },
  quarter: { from: '2026-09-01', to: '2026-11-30' },
  year: { from: '2025-12-01', to: '2026-11-30' },
} as const;

const AREAS = ['overview', 'dashboard', 'churn', 'retention', 'disputes', 'outages', 'compensation'];
const PAGES = ['/', '/churn', '/retention', '/disputes', '/outages', '/compensation'];

interface Sample {
  ms: number;
  status: number | 'timeout' | 'error';
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};
const fmt = (ms: number) => (Number.isFinite(ms) ? `${Math.round(ms).toLocaleString('en')} ms` : '—');

async function timeRequest(url: string, headers: Record<string, string>, timeoutMs: number): Promise<Sample> {
  const t0 = performance.now();
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    await response.arrayBuffer();
    return { ms: performance.now() - t0, status: response.status };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { ms: performance.now() - t0, status: timedOut ? 'timeout' : 'error' };
  }
}

/**
 * Queries of the benchmark's database still running a moment after the client gave up: with
 * cancellation on abort there are none; without it they are cancelled here so they do not skew the next item.
 */
async function leftoverQueries(sql: postgres.Sql): Promise<number> {
  await new Promise((r) => setTimeout(r, 1000));
  const rows = await sql<{ pid: number }[]>`
    select pid from pg_stat_activity
    where datname = current_database() and state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'`;
  for (const { pid } of rows) await sql`select pg_cancel_backend(${pid})`;
  return rows.length;
}

interface Row {
  item: string;
  samples: Sample[];
  leftovers: number;
}

async function sampleItem(
  item: string,
  url: string,
  headers: Record<string, string>,
  o: MeasureOptions,
  sql: postgres.Sql,
): Promise<Row> {
  const samples: Sample[] = [];
  let leftovers = 0;
  const started = performance.now();
  // One warm-up request, not counted (first compilation of the route, cold caches).
  const warm = await timeRequest(url, headers, o.timeoutMs);
  samples.push(warm);
  if (warm.status === 'timeout') leftovers += await leftoverQueries(sql);
  while (samples.length < o.samples && performance.now() - started < o.itemBudgetMs && warm.status !== 'timeout') {
    const s = await timeRequest(url, headers, o.timeoutMs);
    samples.push(s);
    if (s.status === 'timeout') leftovers += await leftoverQueries(sql);
  }
  // The warm-up counts only when it is all there is (a timeout: nothing else was tried).
  if (samples.length > 1) samples.shift();
  const row = { item, samples, leftovers };
  console.log(describe(row));
  return row;
}

function describe(row: Row): string {
  const ok = row.samples.filter((s) => s.status === 200).map((s) => s.ms);
  const bad = row.samples.filter((s) => s.status !== 200).map((s) => String(s.status));
  const timeouts = bad.length ? ` | not 200: ${bad.join(', ')}` : '';
  const left = row.leftovers ? ` | queries left running after the client gave up: ${row.leftovers}` : '';
  return `| ${row.item} | ${row.samples.length} | ${fmt(percentile(ok, 50))} | ${fmt(percentile(ok, 95))}${timeouts}${left} |`;
}

function queryProcedures(): { path: string; takesInput: boolean }[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string; inputs: unknown[] } }>;
  return Object.entries(procedures)
    .filter(([path, p]) => AREAS.includes(path.split('.')[0] ?? '') && p._def.type === 'query')
    .map(([path, p]) => ({ path, takesInput: p._def.inputs.length > 0 }));
}

function trpcUrl(base: string, path: string, input: unknown): string {
  if (input === undefined) return `${base}/api/trpc/${path}`;
  return `${base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}

async function startServer(o: MeasureOptions): Promise<{ base: string; server: ChildProcess | null }> {
  if (o.baseUrl) return { base: o.baseUrl, server: null };
  if (!o.distDir) throw new Error('give --base-url of a running server or --dist-dir of a build to start');
  const base = `http://localhost:${o.port}`;
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(o.port)], {
    env: {
      ...process.env,
      DATABASE_URL: o.databaseUrl,
      HOLDFAST_DIST_DIR: o.distDir,
      HOLDFAST_DEMO: '',
      NEXTAUTH_URL: base,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForServer(base);
  return { base, server };
}

export async function measureScale(o: MeasureOptions): Promise<void> {
  const run = (section: string) => o.only === null || o.only.includes(section);
  const handle = await openDatabase({ databaseUrl: o.databaseUrl, dataDir: 'unused' });
  const sql = postgres(o.databaseUrl, { max: 1, onnotice: () => {} });
  const { base, server } = await startServer(o);
  try {
    const [counts] = await sql<Record<string, string>[]>`select
      (select count(*) from customers) as customers, (select count(*) from retention_cases) as retention,
      (select count(*) from disputes) as disputes, (select count(*) from compensations) as compensations,
      (select count(*) from outages) as outages`;
    const [load] = os.loadavg();
    console.log(
      `\ndata: ${JSON.stringify(counts)}; machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ` +
        `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${load?.toFixed(1)}`,
    );
    const users = await sql<{ id: number; email: string }[]>`select id, email from users where email in (${NATIONAL_MANAGER}, ${REGIONAL_MANAGER})`;
    const idOf = (email: string) => users.find((u) => u.email === email)?.id ?? 0;
    const national = await createApiToken(handle.db, idOf(NATIONAL_MANAGER), `scale bench ${Date.now()}`);
    const regional = await createApiToken(handle.db, idOf(REGIONAL_MANAGER), `scale bench ${Date.now()}`);
    const callers = [
      { who: 'national', token: national.token, cookie: await signIn(base, NATIONAL_MANAGER, BENCH_PASSWORD) },
      { who: 'regional (MAD)', token: regional.token, cookie: await signIn(base, REGIONAL_MANAGER, BENCH_PASSWORD) },
    ];
    const rows: Row[] = [];
    const header = '| what | samples | p50 | p95 |\n|---|---|---|---|';

    if (run('kpis')) {
      console.log(`\n/api/v1/kpis\n${header}`);
      for (const c of callers) {
        for (const [name, p] of Object.entries(PERIODS)) {
          const url = `${base}/api/v1/kpis?from=${p.from}&to=${p.to}`;
          rows.push(await sampleItem(`kpis ${name}, ${c.who}`, url, { authorization: `Bearer ${c.token}` }, o, sql));
        }
      }
    }
    if (run('procedures')) {
      console.log(`\ndashboard procedures (month ${PERIODS.month.from}..${PERIODS.month.to})\n${header}`);
      for (const c of callers.slice(0, 1)) {
        for (const proc of queryProcedures()) {
          const input = proc.takesInput ? { ...PERIODS.month, region: null, rep: null } : undefined;
          rows.push(await sampleItem(`${proc.path}, ${c.who}`, trpcUrl(base, proc.path, input), { cookie: c.cookie }, o, sql));
        }
      }
    }
    if (run('pages')) {
      console.log(`\narea pages (HTML, whole response; month)\n${header}`);
      for (const c of callers.slice(0, 1)) {
        for (const page of PAGES) {
          const url = `${base}${page}?preset=custom&from=${PERIODS.month.from}&to=${PERIODS.month.to}`;
          rows.push(await sampleItem(`GET ${page}, ${c.who}`, url, { cookie: c.cookie }, o, sql));
        }
      }
    }
    if (run('load')) await mixedLoad(base, callers[0] ?? { who: '', token: '', cookie: '' }, o, sql);
  } finally {
    server?.kill('SIGTERM');
    await sql.end();
    await handle.close();
  }
}

/** 50 users at once on a mixed read load: the KPI API, dashboard procedures and pages. */
async function mixedLoad(
  base: string,
  c: { token: string; cookie: string },
  o: MeasureOptions,
  sql: postgres.Sql,
): Promise<void> {
  const month = { ...PERIODS.month, region: null, rep: null };
  const path = (u: string) => u.slice(base.length);
  const requests = [
    { method: 'GET' as const, path: `/api/v1/kpis?from=${month.from}&to=${month.to}`, headers: { authorization: `Bearer ${c.token}` } },
    { method: 'GET' as const, path: path(trpcUrl(base, 'dashboard.kpis', month)), headers: { cookie: c.cookie } },
    { method: 'GET' as const, path: path(trpcUrl(base, 'disputes.summary', month)), headers: { cookie: c.cookie } },
    { method: 'GET' as const, path: `/?preset=custom&from=${month.from}&to=${month.to}`, headers: { cookie: c.cookie } },
    { method: 'GET' as const, path: path(trpcUrl(base, 'dashboard.series', month)), headers: { cookie: c.cookie } },
    { method: 'GET' as const, path: path(trpcUrl(base, 'retention.breakdowns', month)), headers: { cookie: c.cookie } },
  ];
  const result = await autocannon({
    url: base,
    connections: o.concurrency,
    duration: o.durationS,
    timeout: Math.round(o.timeoutMs / 1000),
    requests,
  });
  const leftovers = await leftoverQueries(sql);
  console.log(
    `\n${o.concurrency} users, ${o.durationS} s mixed load (${requests.map((r) => r.path.split('?')[0]).join(', ')}):\n` +
      `requests ${result.requests.total}, 2xx ${result['2xx']}, non-2xx ${result.non2xx}, errors ${result.errors}, ` +
      `timeouts ${result.timeouts}; latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, ` +
      `p99 ${result.latency.p99} ms, max ${result.latency.max} ms; queries left running ${leftovers}`,
  );
}
