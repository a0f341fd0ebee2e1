import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { ApiError } from '../../http/api-error';

/** A minute of slack for clocks that disagree, before a time counts as "in the future". */
const CLOCK_SLACK_MS = 60_000;

/**
 * The instant of a wall-clock time (`YYYY-MM-DDTHH:MM[:SS]`) in the report time zone; the
 * database does the zone arithmetic, daylight-saving days included.
 */
export async function wallTimeToInstant(db: Db, local: string, timeZone: string): Promise<Date> {
  const [row] = await queryRows<{ iso: string }>(
    db,
    sql`select to_char((${local}::timestamp at time zone ${timeZone}) at time zone 'UTC',
      'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as iso`,
  );
  if (!row) throw new Error('time conversion returned no row');
  return new Date(row.iso);
}

/** `whatKey` names `what` for the interface's translation: `start` or a step. */
export function assertNotInFuture(at: Date, now: Date, what: string, timeZone: string, whatKey: string): void {
  if (at.getTime() > now.getTime() + CLOCK_SLACK_MS) {
    throw new ApiError('bad_request', `${what} (${formatLocal(at, timeZone)}) is in the future.`, {
      key: 'inFuture',
      params: { what: whatKey, at: formatLocal(at, timeZone) },
    });
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** An instant as `9 May 2026, 18:14` in the zone, for messages. */
export function formatLocal(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(timeZone, f);
  }
  return f.format(at);
}
