import 'server-only';
import type { ServerErrorMessage } from '@/lib/server-error-message';
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from './database-unavailable';
import {
  BAD_INPUT_MESSAGE,
  CANCELLED_MESSAGE,
  classifyFailure,
  OVERLOAD_RETRY_AFTER_SECONDS,
  reportUnexpected,
  STATEMENT_TIMEOUT_MESSAGE,
  STATEMENT_TIMEOUT_RETRY_AFTER_SECONDS,
  unexpectedMessage,
} from './failures';

export type ApiErrorCode =
  'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'gone' | 'too_large' | 'not_set_up' | 'overloaded';

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** An expired link, e.g. a scheduled export's download link. */
  gone: 410,
  too_large: 413,
  /** First-run setup is pending (server/services/accounts/setup.ts). */
  not_set_up: 503,
  /** Too many figure requests at once in this process (server/http/heavy-limit.ts). */
  overloaded: 503,
};

/** Thrown by /api/v1 code; `apiErrorResponse` turns it into the contract's JSON error. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** The same refusal as a message key, which the interface shows in the user's language. */
    readonly i18n?: ServerErrorMessage,
  ) {
    super(message);
  }

  get status(): number {
    return STATUS[this.code];
  }
}

/**
 * `{ "error": { "code", "message" } }` with the matching status, as data-contract.md fixes. Besides
 * our own refusals: 503 with Retry-After while the database is unreachable, 400 for a value the
 * database cannot store, and 500 with an error id (logged with the real error) for anything else.
 */
export function apiErrorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    const headers = error.code === 'overloaded' ? { 'Retry-After': String(OVERLOAD_RETRY_AFTER_SECONDS) } : undefined;
    return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers });
  }
  switch (classifyFailure(error)) {
    case 'unavailable':
      return Response.json(
        { error: { code: 'unavailable', message: DATABASE_UNAVAILABLE_MESSAGE } },
        { status: 503, headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) } },
      );
    case 'bad_input':
      return Response.json({ error: { code: 'bad_request', message: BAD_INPUT_MESSAGE } }, { status: 400 });
    case 'timeout':
      return Response.json(
        { error: { code: 'timeout', message: STATEMENT_TIMEOUT_MESSAGE } },
        { status: 503, headers: { 'Retry-After': String(STATEMENT_TIMEOUT_RETRY_AFTER_SECONDS) } },
      );
    case 'cancelled':
      return Response.json({ error: { code: 'cancelled', message: CANCELLED_MESSAGE } }, { status: 503 });
    case 'unexpected': {
      const id = reportUnexpected(error);
      return Response.json(
        { error: { code: 'internal', message: unexpectedMessage(id), errorId: id } },
        { status: 500 },
      );
    }
  }
}
