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

export type Failure = 'unavailable' | 'bad_input' | 'unexpected';

function sqlState(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** What kind of failure an error that is not one of our own refusals (ApiError, TRPCError) is. */
export function classifyFailure(error: unknown): Failure {
  if (isDatabaseUnavailable(error)) return 'unavailable';
  const state = sqlState(error);
  if (state && BAD_INPUT_SQLSTATES.has(state)) return 'bad_input';
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
