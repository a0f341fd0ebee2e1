import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signIn, waitForServer } from './scale-http';

/**
 * The 20k-customer demo on embedded PGlite: `--users` people open the overview at the same time,
 * `--rounds` times each (the whole HTML response, figures included). Starts the production build of
 * `--dist-dir` on a fresh PGlite directory with the demo data.
 *
 *   npx tsx scripts/bench/demo-overview.ts --dist-dir .next-scalebench [--port 3206] [--users 20] [--rounds 2]
 */
const { values } = parseArgs({
  options: {
    'dist-dir': { type: 'string' },
    port: { type: 'string', default: '3206' },
    users: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '2' },
    path: { type: 'string', default: '/' },
  },
});
if (!values['dist-dir']) throw new Error('--dist-dir of a production build is required');
const base = `http://localhost:${values.port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-demo-overview-'));

const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', values.port], {
  env: {
    ...process.env,
    HOLDFAST_DATA_DIR: path.join(dataDir, 'pglite'),
    HOLDFAST_DIST_DIR: values['dist-dir'],
    HOLDFAST_DEMO: '1',
    NEXTAUTH_URL: base,
    DATABASE_URL: '',
    NODE_ENV: 'production',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});

async function timed(cookie: string): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  const response = await fetch(`${base}${values.path}`, { headers: { cookie }, redirect: 'manual' });
  await response.arrayBuffer();
  return { ms: performance.now() - t0, status: response.status };
}

try {
  await waitForServer(base, 900);
  const cookie = await signIn(base, 'manager@holdfast.demo', 'holdfast-demo');
  await timed(cookie); // warm-up: first render of the route
  const users = Number(values.users);
  const results: { ms: number; status: number }[] = [];
  const [load] = os.loadavg();
  for (let round = 0; round < Number(values.rounds); round++) {
    results.push(...(await Promise.all(Array.from({ length: users }, () => timed(cookie)))));
  }
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const over = ms.filter((x) => x > 1000).length;
  const bad = results.filter((r) => r.status !== 200).length;
  const at = (p: number) => Math.round(ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)] ?? NaN);
  console.log(
    `${users} users × ${values.rounds} rounds on ${values.path} (PGlite, demo data; load average ${load?.toFixed(1)}): ` +
      `${results.length} requests, ${bad} not 200, ${over} over 1 s; p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${Math.round(ms.at(-1) ?? NaN)} ms`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 2000));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
