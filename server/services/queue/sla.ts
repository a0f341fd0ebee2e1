import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { DUE_SOON_HOURS, type SlaState } from '@/lib/schemas/queue';

/**
 * The SLA clock in SQL, one definition for the queue list, its counts and the rep's summary:
 * due = opened_at + SLA hours; breached from the deadline itself, due soon within DUE_SOON_HOURS of it.
 */
export function slaClock(openedAt: SQL, slaHours: number, now: Date) {
  const due = sql`(${openedAt} + make_interval(hours => ${Math.trunc(slaHours)}::int))`;
  // postgres.js takes no Date in raw SQL: pass the instant as text and cast it.
  const at = sql`${now.toISOString()}::timestamptz`;
  const soon = sql`(${at} + make_interval(hours => ${DUE_SOON_HOURS}::int))`;
  const states: Record<SlaState, SQL> = {
    breached: sql`${due} <= ${at}`,
    'due-soon': sql`(${due} > ${at} and ${due} <= ${soon})`,
    'on-track': sql`${due} > ${soon}`,
  };
  return { due, states };
}

/** Disputes still being worked on. */
export function unresolved(status: SQL): SQL {
  return sql`${status} not in ('resolved', 'rejected')`;
}
