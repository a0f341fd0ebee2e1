/*
 * Whether the app's database answered its last outage probe. One flag per process, kept on
 * globalThis because Next bundles the proxy apart from the routes: the proxy reads it (to answer
 * pages with a 503 during an outage) without loading the database client.
 */
const globalForReachability = globalThis as typeof globalThis & { holdfastDatabaseReachable?: boolean };

export function databaseReachable(): boolean {
  return globalForReachability.holdfastDatabaseReachable ?? true;
}

export function setDatabaseReachable(reachable: boolean): void {
  globalForReachability.holdfastDatabaseReachable = reachable;
}
