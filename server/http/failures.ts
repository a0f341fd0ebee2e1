import 'server-only';
import crypto from 'node:crypto';
import { isDatabaseUnavailable } from './database-unavailable';

/*
 * SQLSTATEs that mean the request carried a value the database cannot store: a NUL character
 * (22021, 22P05), a number outside the column's range (22003), text that is not a valid number or
 * date (22P02, 22007, 22008). Input schemas refuse these first; this is the net for any they miss.
 */
const BAD_INPUT_SQLSTATES = new Set(['22021', '22P05', '22003', '22P02', '22007', '22008']);

export const BAD_INPUT_MESSAGE =
  'A value in the request is not valid: a number out of range or text with a NUL character.';

/** What users read when a statement ran past HOLDFAST_STATEMENT_TIMEOUT_SECONDS and PostgreSQL stopped it. */
export const STATEMENT_TIMEOUT_MESSAGE =
  'The figures took longer than the server allows and were stopped. Choose a shorter period or fewer filters, or try again in a minute.';
export const STATEMENT_TIMEOUT_RETRY_AFTER_SECONDS = 60;

/** What an abandoned request's cancelled query answers (nobody reads it: the client has gone). */
export const CANCELLED_MESSAGE = 'The request was cancelled.';

/** A request whose client went away while it waited for a slot (server/http/heavy-limit.ts). */
export class RequestCancelledError extends Error {
  constructor() {
    super(CANCELLED_MESSAGE);
  }
}

/** When to come back after an "overloaded" 503. */
export const OVERLOAD_RETRY_AFTER_SECONDS = 5;

/**
 * `timeout`: the statement timeout stopped a query; `cancelled`: a query of a request whose client
 * went away was cancelled (db/query-cancellation.ts). Both are SQLSTATE 57014; the server's message tells them apart.
 */
export type Failure = 'unavailable' | 'bad_input' | 'timeout' | 'cancelled' | 'unexpected';

function databaseError(error: unknown): { code: string; message: string } | null {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      const message = (current as { message?: unknown }).message;
      return { code, message: typeof message === 'string' ? message : '' };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** What kind of failure an error that is not one of our own refusals (ApiError, TRPCError) is. */
export function classifyFailure(error: unknown): Failure {
  if (isDatabaseUnavailable(error)) return 'unavailable';
  if (error instanceof RequestCancelledError) return 'cancelled';
  const failed = databaseError(error);
  if (failed && BAD_INPUT_SQLSTATES.has(failed.code)) return 'bad_input';
  if (failed?.code === '57014') return /statement timeout/i.test(failed.message) ? 'timeout' : 'cancelled';
  return 'unexpected';
}

/**
 * Logs an unexpected error with a fresh id and returns the id. Users see only the id: the error
 * itself may hold SQL, parameters, hosts or hashes, so it stays in the server log.
 */
export function reportUnexpected(error: unknown): string {
  const id = crypto.randomBytes(4).toString('hex');
  console.error(`error id=${id}`, error);
  return id;
}

export function unexpectedMessage(id: string): string {
  return `Something went wrong on the server. If it happens again, give this error id to your administrator: ${id}.`;
}
