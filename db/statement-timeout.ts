import type { Options } from 'postgres';

/**
 * Connection options with a per-statement time limit: PostgreSQL itself stops any statement of the
 * session that runs longer (SQLSTATE 57014, "canceling statement due to statement timeout").
 * 0 or absent keeps the server's own setting. PGlite has no timer to enforce it (docs/operations.md).
 */
export function withStatementTimeout<T extends Options<Record<string, never>>>(options: T, timeoutMs: number | undefined): T {
  if (!timeoutMs || timeoutMs <= 0) return options;
  return { ...options, connection: { ...options.connection, statement_timeout: String(Math.round(timeoutMs)) } };
}
