import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { asPostgres, freePort, PG_BIN } from './own-postgres';

const run = promisify(execFile);

/** A streaming replica of a test's own PostgreSQL server, which the test may stop and start. */
export interface OwnReplica {
  url: string;
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * Copies the primary at `primaryUrl` with `pg_basebackup -R` (which writes standby.signal and
 * primary_conninfo) and starts it as a hot standby on a free port of its own.
 */
export async function startOwnReplica(primaryUrl: string): Promise<OwnReplica> {
  const primary = new URL(primaryUrl);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-replica-pg-'));
  // pg_basebackup and the standby run as postgres (they refuse root), in a directory it owns.
  if (process.getuid?.() === 0) await run('chown', ['postgres', dir]);
  const data = path.join(dir, 'data');
  await asPostgres(path.join(PG_BIN, 'pg_basebackup'), [
    '-R',
    '-D',
    data,
    '-h',
    primary.hostname,
    '-p',
    primary.port,
    '-U',
    primary.username || 'postgres',
    '-X',
    'stream',
    '--checkpoint=fast',
    '--no-sync',
  ]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100 -c hot_standby=on`;
  const pgCtl = (...args: string[]) => asPostgres(path.join(PG_BIN, 'pg_ctl'), ['-D', data, ...args]);
  const start = async () => {
    await pgCtl('-l', path.join(dir, 'server.log'), '-o', options, '-w', 'start');
  };
  await start();
  return {
    url: `postgres://${primary.username || 'postgres'}@127.0.0.1:${port}${primary.pathname}`,
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
