import { sql } from 'drizzle-orm';
import type { Sql } from 'postgres';
import type { Db } from './client';

/** One streaming replica: its pool, and what its last health check found. */
export interface ReplicaNode {
  /** host:port/database, for logs and status. */
  name: string;
  pool: Sql;
  /** A Drizzle database on `pool` (the type parsers match the primary's); the health check runs on it. */
  db: Db;
  /** False after a failed check or a failed query, until a check finds it a standby within the lag allowed. */
  usable: boolean;
  /** Every commit acknowledged before this instant (ms since epoch) is on the replica, as of the last check. */
  freshAsOf: number;
  /** Seconds behind the primary at the last check; null when the check failed or could not tell. */
  lagSeconds: number | null;
  /** When the last check ended (ms since epoch); 0 before the first. */
  checkedAt: number;
}

/** The primary's WAL write position at an instant: every commit acknowledged before `at` lies at or below `lsn`. */
export interface WalSample {
  lsn: bigint;
  at: number;
}

interface ReplicaState {
  recovery: boolean;
  replay_lsn: string | null;
  replay_age: number | null;
}

const CHECK_TIMEOUT_MS = 1_000;

/** PostgreSQL's `X/Y` (two hex words) as one number, to compare positions. */
export function parseLsn(text: string): bigint {
  const [high = '0', low = '0'] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

export async function samplePrimary(primary: Db): Promise<WalSample> {
  const at = Date.now();
  const [row] = await withTimeout(
    rowsOf<{ lsn: string }>(primary.execute(sql`select pg_current_wal_lsn()::text as lsn`)),
    CHECK_TIMEOUT_MS,
  );
  if (!row) throw new Error('pg_current_wal_lsn() returned no row');
  return { lsn: parseLsn(row.lsn), at };
}

/**
 * Up to which instant a replica holds every commit of the primary, or null when it cannot serve
 * reads (not a standby any more, nothing replayed yet). The later of:
 * - the latest primary sample (`samples`, taken at earlier checks and this one) whose position it
 *   has replayed: an idle primary makes no lag, and a busy one costs at most one check interval;
 * - the commit time of the last transaction it replayed (`pg_last_xact_replay_timestamp()`):
 *   everything it misses was committed after that.
 * Throws when the replica does not answer.
 */
export async function replicaFreshAsOf(replica: Db, samples: readonly WalSample[]): Promise<number | null> {
  const asked = Date.now();
  const [row] = await withTimeout(
    rowsOf<ReplicaState>(
      replica.execute(sql`select pg_is_in_recovery() as recovery,
                                 pg_last_wal_replay_lsn()::text as replay_lsn,
                                 extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp())::float8 as replay_age`),
    ),
    CHECK_TIMEOUT_MS,
  );
  if (!row?.recovery) return null;
  const replayed = row.replay_lsn === null ? null : parseLsn(row.replay_lsn);
  const bySample = samples.reduce(
    (latest, sample) => (replayed !== null && sample.lsn <= replayed && sample.at > latest ? sample.at : latest),
    -Infinity,
  );
  const byReplay = row.replay_age === null ? -Infinity : asked - Number(row.replay_age) * 1000;
  const freshAsOf = Math.max(bySample, byReplay);
  return Number.isFinite(freshAsOf) ? freshAsOf : null;
}

/** Both databases here are postgres.js ones, whose `execute` answers an array of rows. */
async function rowsOf<T>(result: Promise<unknown>): Promise<T[]> {
  return (await result) as T[];
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('The database did not answer its health check in time.')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
