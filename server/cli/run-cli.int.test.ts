import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDirectoryLock } from '@/db/directory-lock';
import { createTestDb, type TestDb } from '@/test/db';
import { isDatabaseError, oneLineMessage } from './run-cli';

const TSX = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function withoutDatabaseEnv(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, HOLDFAST_DATA_DIR: _dir, ...rest } = process.env;
  return rest;
}

function runScript(script: string, args: string[], env: Record<string, string>): Promise<Outcome> {
  const child = spawn(TSX, ['--conditions=react-server', path.join('scripts', script), ...args], {
    env: { ...withoutDatabaseEnv(), ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** A port nothing listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-cli-'));
  fs.writeFileSync(path.join(dir, 'regions.csv'), 'code,name\nMAD,Madrid\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('command-line database errors', () => {
  it('exits 2 with one line when PostgreSQL cannot be reached', async () => {
    const url = `postgres://holdfast@127.0.0.1:${await closedPort()}/holdfast`;
    for (const [script, args] of [
      ['kpis.ts', ['--from', '2024-01-01', '--to', '2024-01-31']],
      ['import.ts', ['regions', path.join(dir, 'regions.csv')]],
      ['seed-demo.ts', []],
    ] as const) {
      const outcome = await runScript(script, [...args], { DATABASE_URL: url });
      expect(outcome.code, `${script}: ${outcome.stderr}`).toBe(2);
      expect(lines(outcome.stderr)).toEqual([
        expect.stringMatching(/^holdfast [a-z-]+: Cannot connect to PostgreSQL at 127\.0\.0\.1/),
      ]);
      expect(outcome.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 2 with one line when the PGlite directory is held by another process', async () => {
    const dataDir = path.join(dir, 'pglite');
    const lock = acquireDirectoryLock(dataDir);
    try {
      const outcome = await runScript('import.ts', ['regions', path.join(dir, 'regions.csv')], {
        HOLDFAST_DATA_DIR: dataDir,
      });
      expect(outcome.code).toBe(2);
      expect(lines(outcome.stderr)).toEqual([
        `holdfast import: The database directory ${dataDir} is in use by process ${process.pid} (a running Holdfast server?). Stop it first, or point DATABASE_URL at a PostgreSQL server.`,
      ]);
      expect(outcome.stdout).toBe('');
    } finally {
      lock.release();
    }
  });

  it('exits 1 with one line when the environment is invalid, before any database is opened', async () => {
    const outcome = await runScript('kpis.ts', ['--from', '2024-01-01', '--to', '2024-01-31'], { PORT: 'not-a-port' });
    expect(outcome.code).toBe(1);
    expect(lines(outcome.stderr)).toEqual([expect.stringMatching(/^holdfast kpis: Invalid environment: PORT/)]);
  });

  it('exits 1 on a usage error, naming the problem then the usage', async () => {
    const outcome = await runScript('import.ts', ['regions'], { HOLDFAST_DATA_DIR: path.join(dir, 'unused') });
    expect(outcome.code).toBe(1);
    expect(lines(outcome.stderr)[0]).toBe('holdfast import: Expected an entity and a CSV file.');
    expect(outcome.stderr).toMatch(/^Usage: npm run import/m);
  });
});

describe('database error messages', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it("are the database's own words on one line, without the failed SQL", async () => {
    const error: unknown = await t.db.execute(sql`select * from no_such_table`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDatabaseError(error)).toBe(true);
    const message = oneLineMessage(error);
    expect(message).toMatch(/no_such_table/);
    expect(message).not.toMatch(/select|\n/i);
  });

  it('are not claimed for errors that have nothing to do with the database', () => {
    expect(isDatabaseError(new Error('ENOENT: no such file'))).toBe(false);
  });
});
