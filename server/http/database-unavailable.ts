import 'server-only';
import { isConnectionError } from '@/db/connection-errors';

export { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from './database-unavailable-message';

/** True when an error (or any error in its cause chain) means the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return isConnectionError(error);
}
