import os from 'node:os';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { NATIONAL_MANAGER, REGIONAL_MANAGER } from './scale-dataset';

/**
 * scale.ts's KPI and procedure timings without a production build: `GET /api/v1/kpis` called as a
 * function (the route handler itself, with an API token) and every dashboard procedure through the
 * tRPC server caller, in this process, against the dataset scale.ts built. No HTTP, no pages.
 *
 *   npx tsx --conditions=react-server scripts/bench/scale-direct.ts --database-url postgres://…/holdfast_scale [--samples 20]
 */
const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    samples: { type: 'string', default: '20' },
    budget: { type: 'string', default: '60' },
  },
});
const url = values['database-url'];
if (!url) throw new Error('--database-url of the dataset database is required');
process.env.DATABASE_URL = url;
process.env.HOLDFAST_DEMO = '0';

const { GET } = await import('@/app/api/v1/kpis/route');
const { appRouter } = await import('@/server/api/root');
const { createApiToken } = await import('@/server/auth/api-tokens');
const { loadActiveUser } = await import('@/server/auth/users');
const { getDb } = await import('@/server/db');
const { createRequestMemo } = await import('@/server/request-context');

const PERIODS = {
  month: { from: '2026-11-01', to: '2026-11-30' },
  quarter: { from: '2026-09-01', to: '2026-11-30' },
  year: { from: '2025-12-01', to: '2026-11-30' },
} as const;
const AREAS = ['overview', 'dashboard', 'churn', 'retention', 'disputes', 'outages', 'compensation'];
const samples = Number(values.samples);
const budgetMs = Number(values.budget) * 1000;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

async function sample(item: string, run: () => Promise<unknown>) {
  await run().catch(() => undefined); // warm-up
  const times: number[] = [];
  const errors: string[] = [];
  const started = performance.now();
  while (times.length + errors.length < samples && performance.now() - started < budgetMs) {
    const t0 = performance.now();
    try {
      await run();
      times.push(performance.now() - t0);
    } catch (error) {
      errors.push(error instanceof Error ? error.message.slice(0, 80) : String(error));
    }
  }
  const f = (ms: number) => (Number.isFinite(ms) ? `${ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en')} ms` : '—');
  const bad = errors.length ? ` errors: ${errors.length} (${errors[0] ?? ''})` : '';
  console.log(`| ${item} | ${times.length} | ${f(pct(times, 50))} | ${f(pct(times, 95))} |${bad}`);
}

const db = await getDb();
const sql = postgres(url, { max: 1, onnotice: () => {} });
const ids = await sql<{ id: number; email: string }[]>`select id, email from users where email in (${NATIONAL_MANAGER}, ${REGIONAL_MANAGER})`;
await sql.end();
const idOf = (email: string) => ids.find((u) => u.email === email)?.id ?? 0;
const [load] = os.loadavg();
console.log(`in-process, load average ${load?.toFixed(1)}\n| what | samples | p50 | p95 |\n|---|---|---|---|`);
for (const email of [NATIONAL_MANAGER, REGIONAL_MANAGER]) {
  const { token } = await createApiToken(db, idOf(email), `scale direct ${Date.now()}`);
  for (const [name, p] of Object.entries(PERIODS)) {
    await sample(`kpis ${name}, ${email === NATIONAL_MANAGER ? 'national' : 'regional (MAD)'}`, async () => {
      const response = await GET(
        new Request(`http://localhost/api/v1/kpis?from=${p.from}&to=${p.to}`, { headers: { authorization: `Bearer ${token}` } }),
      );
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    });
  }
}
const session = await loadActiveUser(db, idOf(NATIONAL_MANAGER));
if (!session) throw new Error('national manager missing');
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string; inputs: unknown[] } }>;
for (const [path, procedure] of Object.entries(procedures)) {
  if (!AREAS.includes(path.split('.')[0] ?? '') || procedure._def.type !== 'query') continue;
  const input = procedure._def.inputs.length > 0 ? { ...PERIODS.month, region: null, rep: null } : undefined;
  await sample(`${path}, national`, async () => {
    const caller = appRouter.createCaller({ db, session, memo: createRequestMemo() });
    const call = path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], caller) as (
      i: unknown,
    ) => Promise<unknown>;
    await call(input);
  });
}
process.exit(0);
