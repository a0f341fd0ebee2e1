import 'server-only';
import { and, count, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { customers, disputes, users } from '@/db/schema';
import {
  firstQueueDirection,
  QUEUE_PAGE_SIZE,
  slaStateAt,
  type QueueFilters,
  type QueueListInput,
  type QueueSort,
} from '@/lib/schemas/queue';
import { pinnedRegion } from '../../auth/rbac';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';
import { regionMatch } from '../../metrics/filters';
import { orderByKey, type SortColumns } from '../drilldown/shared';
import { slaClock, unresolved } from './sla';

/** The SLA length and the instant the states are computed at (injected, so tests can pin it). */
export interface QueueClock {
  slaHours: number;
  now: Date;
}

const d = alias(disputes, 'd');
const c = alias(customers, 'c');
const u = alias(users, 'u');

const SORTS: SortColumns<QueueSort> = {
  ref: d.disputeRef,
  account: c.accountNumber,
  region: c.regionCode,
  cause: d.cause,
  bill: d.billNumber,
  amount: d.disputedAmountCents,
  status: d.status,
  assignee: u.name,
  opened: d.openedAt,
  // The deadline is opened_at plus a constant, so it sorts like opened_at (and uses its index).
  due: d.openedAt,
};

/**
 * Whose disputes the viewer may see, from the session only: a rep their own, always; a manager
 * their region's customers (all regions for a national manager), optionally narrowed to one
 * assignee or to the unassigned ones.
 */
function scopeMatch(viewer: SessionUser, assignee: string | null): SQL {
  if (viewer.role === 'rep') return sql`${d.assignedToId} = ${viewer.id}`;
  if (viewer.role !== 'manager')
    throw new ApiError('forbidden', 'Only reps and managers have a dispute queue.', { key: 'queueRole' });
  const region = regionMatch(sql`${c.regionCode}`, pinnedRegion(viewer));
  if (assignee === null) return region;
  if (assignee === 'unassigned') return sql`(${region} and ${d.assignedToId} is null)`;
  return sql`(${region} and ${d.assignedToId} in (select id from users where email = ${assignee}))`;
}

function filterMatch(viewer: SessionUser, filters: QueueFilters, clock: QueueClock): SQL {
  const { states } = slaClock(sql`${d.openedAt}`, clock.slaHours, clock.now);
  return (
    and(
      unresolved(sql`${d.status}`),
      scopeMatch(viewer, filters.assignee),
      filters.status === null ? undefined : eq(d.status, filters.status),
      filters.cause === null ? undefined : eq(d.cause, filters.cause),
      filters.sla === null ? undefined : states[filters.sla],
      filters.billNumber === null ? undefined : eq(d.billNumber, filters.billNumber),
      filters.minAmountCents === null ? undefined : gte(d.disputedAmountCents, filters.minAmountCents),
      filters.maxAmountCents === null ? undefined : lte(d.disputedAmountCents, filters.maxAmountCents),
    ) ?? sql`true`
  );
}

export interface QueueCounts {
  total: number;
  breached: number;
  dueSoon: number;
  onTrack: number;
}

/** How many disputes match the filters, by SLA state. */
export async function countQueue(
  db: Db,
  viewer: SessionUser,
  filters: QueueFilters,
  clock: QueueClock,
): Promise<QueueCounts> {
  const { states } = slaClock(sql`${d.openedAt}`, clock.slaHours, clock.now);
  const countWhere = (condition: SQL) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);
  const [row] = await db
    .select({
      total: count(),
      breached: countWhere(states.breached),
      dueSoon: countWhere(states['due-soon']),
      onTrack: countWhere(states['on-track']),
    })
    .from(d)
    .innerJoin(c, eq(c.id, d.customerId))
    .where(filterMatch(viewer, filters, clock));
  return row ?? { total: 0, breached: 0, dueSoon: 0, onTrack: 0 };
}

/** One page of the viewer's queue, each row with its SLA deadline and the version bulk actions must name. */
export async function listQueue(db: Db, viewer: SessionUser, input: QueueListInput, clock: QueueClock) {
  const where = filterMatch(viewer, input, clock);
  const dir = input.dir ?? firstQueueDirection(input.sort);
  const pageSize = QUEUE_PAGE_SIZE;
  const slaMs = Math.trunc(clock.slaHours) * 3_600_000;

  const [totals, rows] = await Promise.all([
    db.select({ total: count() }).from(d).innerJoin(c, eq(c.id, d.customerId)).where(where),
    db
      .select({
        id: d.id,
        ref: d.disputeRef,
        version: d.version,
        account: c.accountNumber,
        customerName: c.name,
        region: c.regionCode,
        cause: d.cause,
        billNumber: d.billNumber,
        amountCents: d.disputedAmountCents,
        status: d.status,
        assigneeEmail: u.email,
        assigneeName: u.name,
        openedAt: d.openedAt,
      })
      .from(d)
      .innerJoin(c, eq(c.id, d.customerId))
      .leftJoin(u, eq(u.id, d.assignedToId))
      .where(where)
      .orderBy(...orderByKey(SORTS, input.sort, dir, d.id))
      .limit(pageSize)
      .offset((input.page - 1) * pageSize),
  ]);

  return {
    total: totals[0]?.total ?? 0,
    page: input.page,
    pageSize,
    sort: input.sort,
    dir,
    /** The instant the SLA states were computed at; the page's countdown starts from it. */
    now: clock.now,
    rows: rows.map((row) => {
      const slaDueAt = new Date(row.openedAt.getTime() + slaMs);
      return { ...row, slaDueAt, slaState: slaStateAt(slaDueAt.getTime(), clock.now.getTime()) };
    }),
  };
}

export type QueueList = Awaited<ReturnType<typeof listQueue>>;
export type QueueRow = QueueList['rows'][number];
