import 'server-only';
import { TRPCError } from '@trpc/server';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
} from '../http/database-unavailable';
import type { ServerErrorMessage } from '@/lib/server-error-message';
import { ApiError } from '../http/api-error';
import {
  BAD_INPUT_MESSAGE,
  CANCELLED_MESSAGE,
  classifyFailure,
  OVERLOAD_RETRY_AFTER_SECONDS,
  reportUnexpected,
  STATEMENT_TIMEOUT_MESSAGE,
  STATEMENT_TIMEOUT_RETRY_AFTER_SECONDS,
  unexpectedMessage,
} from '../http/failures';

/** The digest pages' error boundaries see for a database outage (Next keeps a thrown error's digest). */
export const DATABASE_UNAVAILABLE_DIGEST = 'database-unavailable';
const STATEMENT_TIMEOUT_DIGEST = 'statement-timeout';

type SafeError = TRPCError & { digest?: string };

function withDigest(error: TRPCError, digest: string): SafeError {
  return Object.assign(error, { digest });
}

/**
 * An error no procedure meant to throw (INTERNAL_SERVER_ERROR), made safe to show: 503 while the
 * database is unreachable, 400 for a value it cannot store, otherwise a message with an error id
 * that the server log carries next to the real error. Other codes are deliberate refusals.
 */
export function toSafeError(error: TRPCError): TRPCError {
  if (error.code !== 'INTERNAL_SERVER_ERROR' || 'digest' in error) return error;
  const cause = error.cause ?? error;
  switch (classifyFailure(cause)) {
    case 'unavailable':
      return withDigest(
        new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE, cause }),
        DATABASE_UNAVAILABLE_DIGEST,
      );
    case 'bad_input':
      return withDigest(new TRPCError({ code: 'BAD_REQUEST', message: BAD_INPUT_MESSAGE, cause }), 'bad-input');
    case 'timeout':
      return withDigest(
        new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: STATEMENT_TIMEOUT_MESSAGE, cause }),
        STATEMENT_TIMEOUT_DIGEST,
      );
    case 'cancelled':
      return withDigest(new TRPCError({ code: 'CLIENT_CLOSED_REQUEST', message: CANCELLED_MESSAGE, cause }), 'cancelled');
    case 'unexpected': {
      const id = reportUnexpected(cause);
      return withDigest(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: unexpectedMessage(id), cause }), id);
    }
  }
}

/** True when any string (or object key) in a request's input holds a NUL character, which no column stores. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object' || depth > 32) return false;
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item, depth + 1));
}

/** tRPC's responseMeta: a response carrying a database outage is a 503 with Retry-After, even when context creation failed. */
export function databaseOutageMeta({ errors }: { errors: TRPCError[] }): { status?: number; headers?: Headers } {
  const outage = errors.some(
    (e) => (e as SafeError).digest === DATABASE_UNAVAILABLE_DIGEST || isDatabaseUnavailable(e.cause ?? e),
  );
  if (outage) return { status: 503, headers: new Headers({ 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) }) };
  // Too busy, or a query past the statement timeout: 503 too, with when to try again.
  if (errors.some((e) => (e as SafeError).digest === STATEMENT_TIMEOUT_DIGEST)) {
    return { status: 503, headers: new Headers({ 'Retry-After': String(STATEMENT_TIMEOUT_RETRY_AFTER_SECONDS) }) };
  }
  if (errors.some((e) => e.cause instanceof ApiError && e.cause.code === 'overloaded')) {
    return { status: 503, headers: new Headers({ 'Retry-After': String(OVERLOAD_RETRY_AFTER_SECONDS) }) };
  }
  return {};
}

/**
 * The message key of an error for the interface to translate: a service's refusal carries its own;
 * the failures made safe above map by their digest (an unexpected one by its error id). Null when
 * the English message is all there is.
 */
export function serverErrorMessage(original: TRPCError, safe: TRPCError): ServerErrorMessage | null {
  if (original.cause instanceof ApiError) return original.cause.i18n ?? null;
  const digest = (safe as SafeError).digest;
  switch (digest) {
    case undefined:
      return null;
    case DATABASE_UNAVAILABLE_DIGEST:
      return { key: 'databaseUnavailable' };
    case STATEMENT_TIMEOUT_DIGEST:
      return { key: 'statementTimeout' };
    case 'bad-input':
      return { key: 'badInput' };
    case 'cancelled':
      return { key: 'cancelled' };
    default:
      return safe.code === 'INTERNAL_SERVER_ERROR' ? { key: 'unexpected', params: { id: digest } } : null;
  }
}
