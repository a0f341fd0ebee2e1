import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDirectoryLock, DirectoryInUseError } from './directory-lock';

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
      fs.writeFileSync(`${dataDir}.lock`, String(other.pid));
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
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    lock.release();
  });
});
