import fs from 'node:fs';
import path from 'node:path';

export class DirectoryInUseError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite corrupts a data directory opened by two processes at once, so every process that
 * opens one first takes `<dir>.lock` holding its pid; a lock left by a dead process is taken over.
 */
export function acquireDirectoryLock(dataDir: string): { release(): void } {
  const lockPath = `${dataDir}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone.
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockPath, 'utf8'));
      if (holder === process.pid || (Number.isInteger(holder) && holder > 0 && isAlive(holder))) {
        throw new DirectoryInUseError(
          `The database directory ${dataDir} is in use by process ${holder} (a running Holdfast server?). ` +
            'Stop it first, or point DATABASE_URL at a PostgreSQL server.',
        );
      }
      fs.unlinkSync(lockPath);
    }
  }
  throw new DirectoryInUseError(`Could not lock the database directory ${dataDir}.`);
}
