import 'server-only';
import { isDatabaseUnavailable } from '../http/database-unavailable';
import { reportUnexpected } from '../http/failures';

/** A job failure whose message is safe to show an admin at /admin/jobs (no SQL, host or secret). */
export class JobFailure extends Error {}

/**
 * What a failed job records: our own JobFailure's message, a database outage as such, anything
 * else as an error id whose details stay in the server log. Never a stack trace.
 */
export function recordedFailure(error: unknown): Error {
  let message: string;
  if (error instanceof JobFailure) message = error.message;
  else if (isDatabaseUnavailable(error)) message = 'The database was unreachable; the job will be retried.';
  else message = `Unexpected error; details in the server log under error id ${reportUnexpected(error)}.`;
  const recorded = new Error(message);
  recorded.stack = undefined;
  return recorded;
}
