import fs from 'node:fs';
import path from 'node:path';

export class DirectoryInUseError extends Error {}

/** Who holds a lock: a pid alone is not enough, since a restarted container reuses the same pids. */
interface Holder {
  pid: number;
  /** The process start time in clock ticks since boot (/proc/<pid>/stat field 22); null off Linux. */
  start: string | null;
  /** The kernel's boot id, so a start time from before a reboot never matches. */
  boot: string | null;
}

function readProc(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses. */
export function processStartTime(pid: number): string | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[22 - 3] ?? null;
}

const bootId = (): string | null => readProc('/proc/sys/kernel/random/boot_id')?.trim() ?? null;

function currentHolder(): Holder {
  return { pid: process.pid, start: processStartTime(process.pid), boot: bootId() };
}

/** Lock files written before start times were recorded hold a bare pid. */
function parseHolder(text: string): Holder | null {
  if (/^\d+$/.test(text.trim())) return { pid: Number(text), start: null, boot: null };
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return null;
    return { pid: value.pid, start: value.start ?? null, boot: value.boot ?? null };
  } catch {
    return null;
  }
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Locks this process holds: a lock naming our pid that is not among them was left by an earlier
 * process with our pid. Kept on globalThis because Next may load this module more than once.
 */
const registry = globalThis as typeof globalThis & { holdfastDirectoryLocks?: Set<string> };
const held = (registry.holdfastDirectoryLocks ??= new Set<string>());

function isLive(holder: Holder, lockPath: string): boolean {
  if (holder.pid === process.pid) return held.has(lockPath);
  if (!pidExists(holder.pid)) return false;
  if (holder.start === null) return true;
  if (holder.boot !== null && holder.boot !== bootId()) return false;
  const start = processStartTime(holder.pid);
  return start === null || start === holder.start;
}

/** Creates the lock file with its full content in one step, so no reader ever sees it empty. */
function createLockFile(lockPath: string, content: string): boolean {
  const temp = `${lockPath}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content);
  try {
    fs.linkSync(temp, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** A takeover is a read and an unlink; a guard left by a process killed in between is old within seconds. */
const GUARD_STALE_MS = 5000;

/**
 * Removes a stale lock unless it changed since it was judged stale. Two processes taking over
 * the same stale lock are serialised by a guard file, so the slower one cannot remove the lock
 * the faster one has just created.
 */
function removeStaleLock(lockPath: string, staleContent: string): void {
  const guard = `${lockPath}.takeover`;
  try {
    fs.writeFileSync(guard, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const age = Date.now() - (fs.statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (age > GUARD_STALE_MS) fs.rmSync(guard, { force: true });
    return;
  }
  try {
    if (readLock(lockPath) === staleContent) fs.rmSync(lockPath, { force: true });
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

function readLock(lockPath: string): string | null {
  try {
    return fs.readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function inUse(dataDir: string, holder: Holder | null): DirectoryInUseError {
  const who = holder ? `process ${holder.pid}` : 'another process';
  return new DirectoryInUseError(
    `The database directory ${dataDir} is in use by ${who} (a running Holdfast server?). ` +
      'Stop it first, or point DATABASE_URL at a PostgreSQL server.',
  );
}

/**
 * PGlite corrupts a data directory opened by two processes at once, so every process that
 * opens one first takes `<dir>.lock`, naming its pid, start time and boot. A lock whose process
 * has gone — killed with -9, or replaced by another process with the same pid — is taken over.
 */
export function acquireDirectoryLock(dataDir: string): { release(): void } {
  const lockPath = `${dataDir}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const me = currentHolder();
  const content = JSON.stringify(me);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createLockFile(lockPath, content)) {
      held.add(lockPath);
      const release = () => {
        held.delete(lockPath);
        if (readLock(lockPath) === content) fs.rmSync(lockPath, { force: true });
      };
      process.once('exit', release);
      return { release };
    }
    const found = readLock(lockPath);
    if (found === null) continue;
    const holder = parseHolder(found);
    if (holder && isLive(holder, lockPath)) throw inUse(dataDir, holder);
    removeStaleLock(lockPath, found);
  }
  throw inUse(dataDir, parseHolder(readLock(lockPath) ?? ''));
}
