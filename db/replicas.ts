import { withReplicas } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres, { type ParameterOrJSON, type Sql, type TransactionSql, type UnsafeQueryOptions } from 'postgres';
import type { Db, Schema } from './client';
import { isConnectionError } from './connection-errors';
import { POOL_OPTIONS } from './postgres-options';
import { cancellableQueries } from './query-cancellation';
import { replicaFreshAsOf, samplePrimary, type ReplicaNode, type WalSample } from './replica-health';
import { withStatementTimeout } from './statement-timeout';

export interface ReplicaConfig {
  /** postgres:// URLs of streaming replicas of the primary. */
  urls: string[];
  /** A replica is read from only while it holds every commit acknowledged more than this long ago. */
  maxLagSeconds: number;
  /** How often replicas are checked (lag, reachability). */
  checkIntervalMs?: number;
  /** As the primary's pool (statement-timeout.ts). */
  statementTimeoutMs?: number | undefined;
}

export interface ReplicaSet {
  /**
   * A database whose reads (plain SELECTs, read-only transactions) go to a fresh, reachable
   * replica and fall back to the primary; every write goes to the primary.
   */
  readDb: Db;
  nodes: readonly ReplicaNode[];
  /** Checks every replica now; also runs every `checkIntervalMs`. */
  check(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_CHECK_INTERVAL_MS = 1_000;

/** Primary WAL samples kept: enough to credit a replica a few intervals behind, no more. */
const SAMPLES_KEPT = 16;

/** Statements a replica can answer; anything else (writes, locks, DDL) goes to the primary. */
const READ_STATEMENT = /^\s*select\s/i;

/** Lost connection, or a standby cancelling a query that conflicts with replay (40001): the primary answers instead. */
function isReplicaFailure(error: unknown): boolean {
  return isConnectionError(error) || (error as { code?: unknown } | null)?.code === '40001';
}

export function openReplicaSet(
  primary: { db: Db; client: Sql },
  schema: Schema,
  config: ReplicaConfig,
): ReplicaSet {
  const maxLagMs = config.maxLagSeconds * 1000;
  const nodes: ReplicaNode[] = config.urls.map((url) => {
    const options = { ...POOL_OPTIONS, connection: { ...POOL_OPTIONS.connection, application_name: 'holdfast-read' } };
    const pool = postgres(url, withStatementTimeout(options, config.statementTimeoutMs));
    // Drizzle sets its type parsers on the pool it wraps: done here so replica rows parse like the primary's.
    const db = drizzlePostgres({ client: cancellableQueries(pool), schema }) as unknown as Db;
    return { name: describe(url), pool, db, usable: false, lagSeconds: null, checkedAt: 0, freshAsOf: 0 };
  });
  let next = 0;

  /** A replica fresh enough right now (its last check vouches for commits up to freshAsOf), round robin. */
  function pick(): ReplicaNode | null {
    const now = Date.now();
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[(next + i) % nodes.length];
      if (node?.usable && now - node.freshAsOf <= maxLagMs) {
        next = (next + i + 1) % nodes.length;
        return node;
      }
    }
    return null;
  }

  function markFailed(node: ReplicaNode, error: unknown) {
    node.usable = false;
    node.lagSeconds = null;
    console.warn(`Read replica ${node.name} failed; reading from the primary until it is back:`, describeError(error));
  }

  // The primary's recent WAL positions, newest last: a replica is as fresh as the latest it has replayed.
  const samples: WalSample[] = [];
  let checking: Promise<void> | null = null;
  function check(): Promise<void> {
    checking ??= (async () => {
      try {
        samples.push(await samplePrimary(primary.db));
        if (samples.length > SAMPLES_KEPT) samples.shift();
      } catch {
        // The primary's own outage handling reports it; older samples still vouch for what they can.
      }
      await Promise.all(nodes.map((node) => checkNode(node)));
    })().finally(() => {
      checking = null;
    });
    return checking;
  }

  async function checkNode(node: ReplicaNode): Promise<void> {
    const wasUsable = node.usable;
    try {
      const freshAsOf = await replicaFreshAsOf(node.db, samples);
      const now = Date.now();
      node.freshAsOf = freshAsOf ?? 0;
      node.lagSeconds = freshAsOf === null ? null : Math.max(0, now - freshAsOf) / 1000;
      node.usable = freshAsOf !== null && now - freshAsOf <= maxLagMs;
    } catch (error) {
      node.usable = false;
      node.lagSeconds = null;
      if (wasUsable) console.warn(`Read replica ${node.name} is not answering:`, describeError(error));
    }
    node.checkedAt = Date.now();
  }

  const timer = setInterval(() => void check(), config.checkIntervalMs ?? DEFAULT_CHECK_INTERVAL_MS);
  // The checks must not keep a finished CLI process alive.
  timer.unref();

  const replicaDb = drizzlePostgres({ client: readClient(primary.client, pick, markFailed), schema }) as unknown as Db;
  const routed = withReplicas(primary.db, [replicaDb]);
  // withReplicas sends only the query builder's selects to the replica; raw SQL (every metric) and
  // transactions would go to the primary. Raw SQL goes through the read client, which sends only
  // SELECTs to a replica; a transaction goes there when it is declared read only (the export cursor).
  // `$client` is the read client too: the COPY export begins its read-only transaction on it.
  const readDb: Db = Object.assign(routed, {
    $client: (replicaDb as unknown as { $client: Sql }).$client,
    execute: replicaDb.execute.bind(replicaDb),
    transaction: ((run, txConfig) =>
      txConfig?.accessMode === 'read only'
        ? replicaDb.transaction(run, txConfig)
        : primary.db.transaction(run, txConfig)) satisfies Db['transaction'],
  });

  return {
    readDb,
    nodes,
    check,
    async close() {
      clearInterval(timer);
      await Promise.all(nodes.map((node) => node.pool.end({ timeout: 5 })));
    },
  };
}

type TransactionBody = (sql: TransactionSql) => unknown;

/**
 * The postgres.js interface Drizzle calls (`unsafe`, `begin`, `options`), routed per statement:
 * a SELECT or a transaction runs on the replica `pick` offers, or on the primary when none is
 * fresh; anything else on the primary. A replica that fails before answering is marked failed and
 * the statement runs on the primary, so a replica going away costs a retry, not an error. A
 * transaction that already ran part of its work is not repeated: its error stands.
 */
function readClient(
  primary: Sql,
  pick: () => ReplicaNode | null,
  markFailed: (node: ReplicaNode, error: unknown) => void,
): Sql {
  function unsafe(query: string, parameters?: ParameterOrJSON<never>[], options?: UnsafeQueryOptions) {
    const node = READ_STATEMENT.test(query) ? pick() : null;
    async function run<T>(on: (client: Sql) => Promise<T>): Promise<T> {
      if (!node) return on(primary);
      try {
        return await on(node.pool);
      } catch (error) {
        if (!isReplicaFailure(error)) throw error;
        markFailed(node, error);
        return on(primary);
      }
    }
    return {
      values: () => run(async (client) => await client.unsafe(query, parameters, options).values()),
      then<A, B>(
        onFulfilled?: (value: unknown) => A | PromiseLike<A>,
        onRejected?: (reason: unknown) => B | PromiseLike<B>,
      ) {
        return run(async (client) => await client.unsafe(query, parameters, options)).then(onFulfilled, onRejected);
      },
    };
  }

  // Drizzle calls begin(body); the COPY export calls begin('read only', body), as postgres.js allows.
  async function begin(...args: [body: TransactionBody] | [options: string, body: TransactionBody]) {
    const [options, body] = args.length === 1 ? ['', args[0]] : args;
    const on = (client: Sql, fn: TransactionBody) => (options ? client.begin(options, fn) : client.begin(fn));
    const node = pick();
    if (!node) return on(primary, body);
    let started = false;
    try {
      return await on(node.pool, (sql) => {
        started = true;
        return body(sql);
      });
    } catch (error) {
      if (started || !isReplicaFailure(error)) throw error;
      markFailed(node, error);
      return on(primary, body);
    }
  }

  // Drizzle registers its type parsers on `options` (the primary's, already set); each replica
  // pool got the same ones from its own drizzle() in openReplicaSet.
  return { options: primary.options, unsafe, begin } as unknown as Sql;
}

function describe(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'a replica with an invalid URL';
  }
}

/** The driver's own message (Drizzle wraps it in "Failed query: …"). */
function describeError(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
