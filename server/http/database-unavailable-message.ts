/** What users read while the database cannot be reached (never the driver's message: it names the host). */
export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is not reachable; retrying. Try again in a few seconds.';

/** Seconds a client should wait before retrying, sent as `Retry-After`. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
