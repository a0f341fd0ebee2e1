// Connection-level failures: the database is down, restarting or unreachable, as opposed to a
// query that the database refused. postgres.js reports its own codes; PostgreSQL sends SQLSTATE
// class 08 (connection exception) and 57P01–57P03 (shutdown, cannot connect now).
const DRIVER_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'DATABASE_UNAVAILABLE',
]);
const SQLSTATES = new Set(['57P01', '57P02', '57P03']);

/** Thrown without touching the network while the database is known to be unreachable. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';

  constructor(cause?: unknown) {
    super('The database is not reachable.', { cause });
  }
}

/** True when an error (or any error in its cause chain) means the database cannot be reached. */
export function isConnectionError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (DRIVER_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08')))
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
