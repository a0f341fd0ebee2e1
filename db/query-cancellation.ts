import { AsyncLocalStorage } from 'node:async_hooks';
import type { ParameterOrJSON, Sql, UnsafeQueryOptions } from 'postgres';

/*
 * A request that the client abandons must not keep its queries running on the server. The request
 * boundary runs its work inside `cancelOnAbort(request.signal, …)`; every query the postgres.js pool
 * starts inside it (Drizzle included, however deep in the services) is registered with that signal,
 * and an abort cancels the ones still running: PostgreSQL stops them (57014) and frees the backend.
 * Queries inside a transaction belong to its reserved connection and are not cancelled one by one;
 * the dashboard's reads run outside transactions. PGlite cannot interrupt a running statement.
 */
interface Scope {
  aborted: boolean;
  /** Queries started in the scope that have not settled yet. */
  running: Set<Watchable>;
}

type Settle = (value: unknown) => unknown;
interface Watchable {
  then(onFulfilled?: Settle, onRejected?: Settle): Promise<unknown>;
  cancel(): unknown;
}

const currentScope = new AsyncLocalStorage<Scope>();

function cancel(query: Watchable) {
  void Promise.resolve(query.cancel()).catch(() => undefined);
}

/** Runs `work` so that an abort of `signal` cancels the database queries it still has running. */
export async function cancelOnAbort<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
  if (!signal) return work();
  const scope: Scope = { aborted: signal.aborted, running: new Set() };
  const onAbort = () => {
    scope.aborted = true;
    for (const query of scope.running) cancel(query);
    scope.running.clear();
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await currentScope.run(scope, work);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function watch<Q extends object>(pending: Q, scope: Scope): Q {
  const query = pending as unknown as Watchable;
  if (scope.aborted) {
    cancel(query);
    return pending;
  }
  // postgres.js starts a query on its first `then`; wrapping `then` sees when it settles without
  // starting it early. After it settled its connection may run someone else's query: only a
  // running one is ever cancelled.
  const then = query.then.bind(query);
  query.then = (onFulfilled, onRejected) =>
    then(
      (value) => {
        scope.running.delete(query);
        return onFulfilled ? onFulfilled(value) : value;
      },
      (reason) => {
        scope.running.delete(query);
        if (onRejected) return onRejected(reason);
        throw reason;
      },
    );
  scope.running.add(query);
  return pending;
}

/** The pool with its queries registered with the current request's signal (see cancelOnAbort). */
export function cancellableQueries(pool: Sql): Sql {
  const unsafe = (query: string, parameters?: ParameterOrJSON<never>[], options?: UnsafeQueryOptions) => {
    const pending = pool.unsafe(query, parameters, options);
    const scope = currentScope.getStore();
    return scope ? watch(pending, scope) : pending;
  };
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'unsafe') return unsafe;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
