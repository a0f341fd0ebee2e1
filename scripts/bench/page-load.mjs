// First-load JavaScript and LCP of a dashboard page on the production build with the demo data,
// in Debian's Chromium on localhost. Usage (after `npm run build`; HOLDFAST_DIST_DIR for another build folder):
//   node scripts/bench/page-load.mjs [--path /] [--runs 5] [--port 3400] [--chunks]
// Starts its own server on a fresh embedded database (seeded), signs in as the national manager,
// loads the page cold `runs` times and prints the medians as a Markdown table row, with the
// machine's load average (LCP on a loaded machine is not comparable); --chunks lists each script.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';

const { values } = parseArgs({
  options: {
    path: { type: 'string', default: '/' },
    runs: { type: 'string', default: '5' },
    port: { type: 'string', default: '3400' },
    chunks: { type: 'boolean', default: false },
  },
});
const base = `http://localhost:${values.port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-bench-'));

const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', values.port], {
  env: { ...process.env, HOLDFAST_DATA_DIR: path.join(dataDir, 'pglite'), HOLDFAST_DEMO: '1', NEXTAUTH_URL: base, DATABASE_URL: '' },
  stdio: ['ignore', 'pipe', 'inherit'],
});

let exited = false;
server.on('exit', () => {
  exited = true;
});

async function waitForServer() {
  for (let i = 0; i < 240 && !exited; i++) {
    try {
      if ((await fetch(`${base}/login`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('server did not start');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const login = await browser.newContext();
  const page = await login.newPage();
  await page.goto(`${base}/login`);
  await page.fill('#email', 'manager@holdfast.demo');
  await page.fill('#password', 'holdfast-demo');
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=current-user]');
  const storageState = await login.storageState();
  await login.close();

  const results = [];
  for (let run = 0; run < Number(values.runs); run++) {
    // A fresh context per run: an empty cache, as on a first visit.
    const context = await browser.newContext({ storageState });
    const p = await context.newPage();
    const cdp = await context.newCDPSession(p);
    await cdp.send('Network.enable');
    const scripts = new Map();
    const urls = new Map();
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script') {
        scripts.set(e.requestId, 0);
        urls.set(e.requestId, e.response.url);
      }
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (scripts.has(e.requestId)) scripts.set(e.requestId, e.encodedDataLength);
    });
    await p.addInitScript(() => {
      window.__lcp = 0;
      window.__lcpElement = '';
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          window.__lcp = entry.startTime;
          const el = entry.element;
          window.__lcpElement = el ? `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 40)}"` : '';
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await p.goto(`${base}${values.path}`, { waitUntil: 'load' });
    await p.waitForTimeout(3000);
    const lcp = await p.evaluate(() => window.__lcp);
    const lcpElement = await p.evaluate(() => window.__lcpElement);
    const decoded = await p.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((r) => r.initiatorType === 'script')
        .reduce((sum, r) => sum + r.decodedBodySize, 0),
    );
    results.push({ lcp, lcpElement, transferred: [...scripts.values()].reduce((a, b) => a + b, 0), decoded });
    if (values.chunks && run === 0) {
      for (const [id, bytes] of [...scripts].sort((a, b) => b[1] - a[1])) {
        console.log(`${String(bytes).padStart(8)}  ${new URL(urls.get(id)).pathname}`);
      }
    }
    await context.close();
  }
  await browser.close();
  const kb = (n) => `${(n / 1024).toFixed(0)} kB`;
  console.log('| page | runs | first-load JS (transferred, compressed) | first-load JS (decoded) | LCP (median) |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| \`${values.path}\` | ${results.length} | ${kb(median(results.map((r) => r.transferred)))} | ${kb(median(results.map((r) => r.decoded)))} | ${median(results.map((r) => r.lcp)).toFixed(0)} ms |`,
  );
  console.log(`LCP per run: ${results.map((r) => r.lcp.toFixed(0)).join(', ')} ms; element: ${results[0]?.lcpElement ?? '?'}`);
  console.log(`load average (1, 5, 15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}; ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'})`);
} finally {
  server.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
