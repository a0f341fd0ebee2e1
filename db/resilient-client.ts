import type { ParameterOrJSON, Sql, TransactionSql, UnsafeQueryOptions } from 'postgres';
import { DatabaseUnavailableError, isConnectionError } from './connection-errors';
import { noteDatabaseAnswered, registerReachabilityCheck, setDatabaseReachable } from './reachability';

/** How often an unreachable database is probed; it bounds how late recovery is noticed. */
const PROBE_INTERVAL_MS = 500;

/** A probe that has not answered by then counts as "unreachable" (connect_timeout is 2 s). */
const PROBE_TIMEOUT_MS = 3_000;

/** Only a plain read may run twice: a write that lost its connection may or may not have committed. */
const READ_STATEMENT = /^\s*select\s/i;

export interface ResilientClient {
  /** The postgres.js interface Drizzle uses (`unsafe`, `begin`, `options`), guarded. */
  client: Sql;
  /** False while the database is known to be unreachable: queries fail at once instead of waiting. */
  reachable(): boolean;
}

/**
 * Wraps a postgres.js pool so that an outage costs callers milliseconds, not seconds:
 * - after a connection-level failure, `probe` (its own one-connection client, so a busy pool
 *   cannot delay it) checks the server; while it is unreachable every query fails at once with
 *   DatabaseUnavailableError and the probe repeats every PROBE_INTERVAL_MS until it answers;
 * - a plain SELECT outside a transaction that lost its connection is run once more when the probe
 *   finds the server up (a restarted server, one terminated backend).
 * Transactions and writes are never repeated here.
 */
export function createResilientClient(pool: Sql, probe: Sql): ResilientClient {
  let down = false;
  let probing: Promise<boolean> | null = null;
  let timer: NodeJS.Timeout | null = null;

  function checkServer(): Promise<boolean> {
    probing ??= (async () => {
      try {
        await afterCloseEvents();
        await withTimeout(probe`select 1`, PROBE_TIMEOUT_MS);
        down = false;
      } catch (error) {
        // Any answer from the server (even an error) means it is reachable.
        down = isConnectionError(error);
      } finally {
        probing = null;
      }
      setDatabaseReachable(!down);
      if (down) scheduleProbe();
      return !down;
    })();
    return probing;
  }

  function scheduleProbe() {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void checkServer();
    }, PROBE_INTERVAL_MS);
    // The probe must not keep a finished CLI process alive.
    timer.unref();
  }

  async function guarded<T>(run: () => Promise<T>, repeatable: boolean): Promise<T> {
    if (down) throw new DatabaseUnavailableError();
    try {
      const result = await run();
      noteDatabaseAnswered();
      return result;
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      const reachable = await checkServer();
      if (reachable && repeatable) {
        await afterCloseEvents();
        return run();
      }
      throw reachable ? error : new DatabaseUnavailableError(error);
    }
  }

  function unsafe(query: string, parameters?: ParameterOrJSON<never>[], options?: UnsafeQueryOptions) {
    const repeatable = READ_STATEMENT.test(query);
    const rows = () => guarded(async () => await pool.unsafe(query, parameters, options), repeatable);
    // Drizzle either awaits the query (rows as objects) or calls `.values()` (rows as arrays).
    return {
      values: () => guarded(async () => await pool.unsafe(query, parameters, options).values(), repeatable),
      then<A, B>(
        onFulfilled?: (value: unknown) => A | PromiseLike<A>,
        onRejected?: (reason: unknown) => B | PromiseLike<B>,
      ) {
        return rows().then(onFulfilled, onRejected);
      },
    };
  }

  function begin(...args: [string, (sql: TransactionSql) => unknown] | [(sql: TransactionSql) => unknown]) {
    return guarded(() => (args.length === 2 ? pool.begin(args[0], args[1]) : pool.begin(args[0])), false);
  }

  registerReachabilityCheck(checkServer);

  const client = {
    // Drizzle registers its type parsers on the pool's own options object.
    options: pool.options,
    unsafe,
    begin,
  };
  // Drizzle's postgres-js session calls only these three members of the client.
  return { client: client as unknown as Sql, reachable: () => !down };
}

/*
 * A socket error reaches postgres.js (and rejects its queries) one event-loop phase before the
 * socket's close does; a query sent on that connection in between fails only at the close. So a
 * query that follows a connection error waits for the close first and goes to a fresh connection.
 */
function afterCloseEvents(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 10));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('The database did not answer in time.'), { code: 'CONNECT_TIMEOUT' })),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
