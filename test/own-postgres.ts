import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Why a fault test cannot run here, or null when the PostgreSQL server binaries are installed. */
export const postgresMissing: string | null = ['initdb', 'pg_ctl'].every((b) => fs.existsSync(path.join(PG_BIN, b)))
  ? null
  : `PostgreSQL server binaries not found in ${PG_BIN} (set PG_BIN)`;

/**
 * A PostgreSQL server of a fault test's own, which the test may stop and start again on the same
 * port and data (the suite's shared TEST_DATABASE_URL server must never be stopped).
 */
export interface OwnPostgres {
  url: string;
  /** `fast` ends sessions with 57P01 like a service restart; `immediate` cuts them like a crash. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export function asPostgres(command: string, args: string[]) {
  // initdb and pg_ctl refuse to run as root.
  const root = process.getuid?.() === 0;
  return run(root ? 'runuser' : command, root ? ['-u', 'postgres', '--', command, ...args] : args);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-fault-pg-'));
  if (process.getuid?.() === 0) await run('chown', ['postgres', dir]);
  const port = await freePort();
  const data = path.join(dir, 'data');
  await asPostgres(path.join(PG_BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const pgCtl = (...args: string[]) => asPostgres(path.join(PG_BIN, 'pg_ctl'), ['-D', data, ...args]);
  const start = async () => {
    await pgCtl('-l', path.join(dir, 'server.log'), '-o', options, '-w', 'start');
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    async stop(mode = 'fast') {
      await pgCtl('-m', mode, '-w', 'stop');
    },
    async destroy() {
      await pgCtl('-m', 'immediate', '-w', 'stop').catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
