import 'server-only';
import { inArray, sql, type SQL } from 'drizzle-orm';
import { CLOSED_DISPUTE_STATUSES } from '@/lib/vocabularies';
import { within, type PeriodBounds } from '../period';
import { d } from './tables';

/** Opened in the period: opened_at in P. */
export function disputeOpenedIn(bounds: PeriodBounds): SQL {
  return within(sql`${d.openedAt}`, bounds);
}

/** Resolved in the period: status resolved or rejected, resolved_at in P. */
export function disputeResolvedIn(bounds: PeriodBounds): SQL {
  return sql`(${inArray(d.status, [...CLOSED_DISPUTE_STATUSES])} and ${within(sql`${d.resolvedAt}`, bounds)})`;
}

/** Within the SLA: resolved no later than `slaHours` after it was opened. */
export function disputeWithinSla(slaHours: number): SQL {
  return sql`(${d.resolvedAt} <= ${d.openedAt} + make_interval(hours => ${slaHours}::int))`;
}

/** In the backlog at instant `end`: opened before it and not resolved (whatever the status) before it. */
export function disputeInBacklogAt(end: SQL): SQL {
  return sql`(${d.openedAt} < ${end} and (${d.resolvedAt} is null or ${d.resolvedAt} >= ${end}))`;
}

/**
 * Open at least `fromHours` and less than `toHours` (null: no upper limit) at instant `end`;
 * compared as instants (age >= h  <=>  opened_at <= end - h), so no epoch is rounded.
 */
export function disputeAgedAt(end: SQL, fromHours: number, toHours: number | null): SQL {
  const hoursBefore = (hours: number) => sql`(${end} - make_interval(hours => ${hours}::int))`;
  const older = sql`${d.openedAt} <= ${hoursBefore(fromHours)}`;
  return toHours === null ? older : sql`(${older} and ${d.openedAt} > ${hoursBefore(toHours)})`;
}

/** Hours from opening to resolution, fractional. */
export const hoursToResolve: SQL = sql`(extract(epoch from (${d.resolvedAt} - ${d.openedAt})) / 3600)`;
