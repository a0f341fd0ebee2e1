import 'server-only';

// Connection-level failures: the database is down, restarting or unreachable, as opposed to a
// query that the database refused. postgres.js reports its own codes; PostgreSQL sends SQLSTATE
// class 08 (connection exception) and 57P01–57P03 (shutdown, cannot connect now).
const DRIVER_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED']);
const SQLSTATES = new Set(['57P01', '57P02', '57P03']);

/** True when an error (or any error in its cause chain) means the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (DRIVER_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08'))) return true;
  }
  return false;
}
