import type { Options } from 'postgres';

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
  connection: { application_name: 'holdfast' },
} satisfies Options<Record<string, never>>;

/** The outage probe: one connection, closed soon after the outage so it holds no server slot. */
export const PROBE_OPTIONS = { ...POOL_OPTIONS, max: 1, idle_timeout: 5 } satisfies Options<Record<string, never>>;
