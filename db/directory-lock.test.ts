import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDirectoryLock, DirectoryInUseError, processStartTime } from './directory-lock';

const dirs: string[] = [];
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-lock-'));
  dirs.push(dir);
  return path.join(dir, 'pglite');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('acquireDirectoryLock', () => {
  it('refuses a directory this process already holds, then frees it on release', () => {
    const dataDir = tempDataDir();
    const lock = acquireDirectoryLock(dataDir);
    expect(() => acquireDirectoryLock(dataDir)).toThrow(DirectoryInUseError);
    lock.release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
    acquireDirectoryLock(dataDir).release();
  });

  it('refuses a directory held by another live process, naming it', () => {
    const dataDir = tempDataDir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      const start = processStartTime(other.pid ?? 0);
      fs.writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: other.pid, start, boot: null }));
      expect(() => acquireDirectoryLock(dataDir)).toThrow(new RegExp(`in use by process ${other.pid}`));
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dataDir = tempDataDir();
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    fs.writeFileSync(`${dataDir}.lock`, String(gone.pid));
    const lock = acquireDirectoryLock(dataDir);
    expect(JSON.parse(fs.readFileSync(`${dataDir}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it.runIf(process.platform === 'linux')(
    'takes over a lock naming this pid with another start time (a restarted container)',
    () => {
      const dataDir = tempDataDir();
      const start = processStartTime(process.pid);
      expect(start).toMatch(/^\d+$/);
      const earlier = JSON.stringify({ pid: process.pid, start: String(Number(start) - 1), boot: null });
      fs.writeFileSync(`${dataDir}.lock`, earlier);
      const lock = acquireDirectoryLock(dataDir);
      expect(JSON.parse(fs.readFileSync(`${dataDir}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, start });
      lock.release();
    },
  );

  it.runIf(process.platform === 'linux')(
    'takes over a lock naming a live process whose start time differs (pid reused)',
    () => {
      const dataDir = tempDataDir();
      const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
      try {
        fs.writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: other.pid, start: '1', boot: null }));
        acquireDirectoryLock(dataDir).release();
      } finally {
        other.kill();
      }
    },
  );

  it('refuses while another process holds the lock, and lets the next one in once it is killed with -9', async () => {
    const dataDir = tempDataDir();
    const holder = await spawnLockHolder(dataDir);
    try {
      expect(() => acquireDirectoryLock(dataDir)).toThrow(new RegExp(`in use by process ${holder.pid}`));
      // A second process is refused too, not only this one.
      const second = await runLockAttempt(dataDir);
      expect(second).toMatch(/in use by process/);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(true);
    const lock = acquireDirectoryLock(dataDir);
    lock.release();
  });
});

// The holder must be the node process itself (not a tsx wrapper), so SIGKILL hits the lock's pid.
const nodeWithTs = (script: string) =>
  spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
const lockScript = (dataDir: string, then: string) =>
  `import { acquireDirectoryLock } from ${JSON.stringify(path.join(process.cwd(), 'db', 'directory-lock.ts'))};
   try { acquireDirectoryLock(${JSON.stringify(dataDir)}); console.log('locked'); ${then} }
   catch (error) { console.log(error instanceof Error ? error.message : String(error)); }`;

/** A separate process that takes the lock through this module and keeps it until killed. */
async function spawnLockHolder(dataDir: string): Promise<ChildProcess> {
  const child = nodeWithTs(lockScript(dataDir, 'setInterval(() => {}, 1000);'));
  const first = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (data: Buffer) => resolve(data.toString().trim()));
    child.once('error', reject);
  });
  expect(first).toBe('locked');
  return child;
}

async function runLockAttempt(dataDir: string): Promise<string> {
  const child = nodeWithTs(lockScript(dataDir, ''));
  let out = '';
  child.stdout.on('data', (data: Buffer) => (out += data.toString()));
  await new Promise((resolve) => child.once('exit', resolve));
  return out.trim();
}
