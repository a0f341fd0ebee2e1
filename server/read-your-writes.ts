import 'server-only';
import type { Db, DbHandle } from '@/db/client';
import { env } from './env';

const globalForWrites = globalThis as typeof globalThis & { holdfastLastWrites?: Map<number, number> };

/** When each user last finished a write, in this process (ms since epoch). */
function lastWrites(): Map<number, number> {
  globalForWrites.holdfastLastWrites ??= new Map();
  return globalForWrites.holdfastLastWrites;
}

/**
 * Replicas hold every commit older than the max lag, so for that long after a user's write their
 * lagging reads go to the primary. Called when a write has finished (committed or not).
 */
export function noteWrite(userId: number, now = Date.now()): void {
  const writes = lastWrites();
  writes.set(userId, now);
  // Entries older than the window mean nothing; dropping them keeps the map as small as the active writers.
  if (writes.size > 1000) {
    for (const [id, at] of writes) if (now - at > windowMs()) writes.delete(id);
  }
}

export function wroteRecently(userId: number, now = Date.now()): boolean {
  const at = lastWrites().get(userId);
  return at !== undefined && now - at <= windowMs();
}

function windowMs(): number {
  return env.DATABASE_REPLICA_MAX_LAG_SECONDS * 1000;
}

/**
 * Where a read that may lag (figures, the KPI API, exports) goes for this user: the replicas,
 * unless the user wrote within the max lag, so they always see their own changes. Without
 * replicas `readDb` is the primary anyway.
 */
export function readDbFor(handle: Pick<DbHandle, 'db' | 'readDb'>, userId: number | null, now = Date.now()): Db {
  return userId !== null && wroteRecently(userId, now) ? handle.db : handle.readDb;
}
