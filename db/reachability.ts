/*
 * Whether the app's database answered its last outage probe. One flag per process, kept on
 * globalThis because Next bundles the proxy apart from the routes: the proxy reads it (to answer
 * pages with a 503 during an outage) without loading the database client.
 */
interface ReachabilityState {
  reachable: boolean;
  /** performance.now() of the last query the database answered. */
  lastAnswerAt: number;
  /** Set by the PostgreSQL client: asks the server once, updating `reachable`. */
  check?: () => Promise<boolean>;
}

const globalForReachability = globalThis as typeof globalThis & { holdfastReachability?: ReachabilityState };

function state(): ReachabilityState {
  globalForReachability.holdfastReachability ??= { reachable: true, lastAnswerAt: performance.now() };
  return globalForReachability.holdfastReachability;
}

/** A page rendered after this long without any answer from the database asks it first. */
const QUIET_MS = 5_000;

export function databaseReachable(): boolean {
  return state().reachable;
}

export function setDatabaseReachable(reachable: boolean): void {
  state().reachable = reachable;
  if (reachable) state().lastAnswerAt = performance.now();
}

export function noteDatabaseAnswered(): void {
  state().lastAnswerAt = performance.now();
}

export function registerReachabilityCheck(check: () => Promise<boolean>): void {
  state().check = check;
}

/**
 * Whether a page may be rendered: false while the database is known to be down, and also when it
 * has been quiet for a while and does not answer a probe now. Without the second case the first
 * page after the database went away would fail half-rendered (a 500) instead of getting the 503.
 */
export async function databaseReachableForPage(): Promise<boolean> {
  const current = state();
  if (!current.reachable) return false;
  if (!current.check || performance.now() - current.lastAnswerAt < QUIET_MS) return true;
  return current.check();
}
