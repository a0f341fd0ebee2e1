import type { Options } from 'postgres';

/*
 * postgres.js 3.4.9 (the latest release) can leave a pooled connection unable to write: when the
 * server goes away with a small write still queued, or a transaction's ROLLBACK is written after
 * its socket closed (the uncaught "Cannot read properties of null (reading 'write')", upstream
 * issues #1154 and #1208), the driver keeps its "flush already scheduled" marker set and the
 * unsent bytes buffered. Writes under 1 KiB only ever flush through that marker, so every later
 * start-up message of that connection stays in the buffer: each reconnect ends in CONNECT_TIMEOUT
 * until about a dozen of them add up to 1 KiB and flush (2 minutes with a 10 s timeout).
 * Writes of 1 KiB or more are flushed at once and reset the marker, so a start-up message padded
 * past 1 KiB always reaches the server: a stale buffer goes out ahead of it, PostgreSQL rejects
 * that packet ("invalid length of startup packet", a query byte is never a valid start-up length)
 * and the driver's next attempt is clean. The padding is a custom setting of the session, unused.
 * Remove it when a release guards nextWrite and clears the marker on close (upstream PR #1168).
 */
const STARTUP_PADDING = 'x'.repeat(1024);

/** Pool settings for the app's PostgreSQL server; outage behaviour is measured in db/recovery.int.test.ts. */
export const POOL_OPTIONS = {
  max: 10,
  onnotice: () => {},
  // A reachable server accepts a connection in milliseconds; a dead host must not hold a request for long.
  connect_timeout: 2,
  idle_timeout: 60,
  max_lifetime: 30 * 60,
  // The default backoff grows to 20 s per reconnect after a long outage; recovery must be noticed within 1 s.
  backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 0.5),
  connection: { application_name: 'holdfast', 'holdfast.startup_padding': STARTUP_PADDING },
} satisfies Options<Record<string, never>>;

/** The outage probe: one connection, closed soon after the outage so it holds no server slot. */
export const PROBE_OPTIONS = { ...POOL_OPTIONS, max: 1, idle_timeout: 5 } satisfies Options<Record<string, never>>;
