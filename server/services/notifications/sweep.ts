import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { MILESTONE_ORDER, outageTargets } from '@/lib/outage-targets';
import { getSettings } from '../settings';
import type { NotifyEvent } from './recipients';

/**
 * How far back a missed deadline still notifies: a breach or an overdue milestone older than this
 * (imported history, a server that was off for days) is left to the dashboards, not announced.
 */
export const LOOKBACK_HOURS = 24;

const MILESTONE_COLUMNS = {
  detect: 'detected_at',
  communicate: 'public_comm_at',
  ivr: 'ivr_message_at',
  sms: 'sms_sent_at',
  brief: 'agents_briefed_at',
  resolve: 'resolved_at',
} as const;

/**
 * Deadlines that call for a notification now: open, assigned disputes due within
 * `disputeDueWarningHours`; open disputes whose SLA ended within the lookback; outage milestones
 * not recorded whose target passed within the lookback. Subjects already notified are skipped.
 */
export async function findDueEvents(db: Db, now: Date): Promise<NotifyEvent[]> {
  const settings = await getSettings(db);
  const sla = settings.disputeSlaHours;
  const nowIso = now.toISOString();
  const disputes = await queryRows<{ id: number; due_at: Date | string; breached: boolean }>(
    db,
    sql`select d.id, d.opened_at + make_interval(hours => ${sla}::int) as due_at,
          d.opened_at + make_interval(hours => ${sla}::int) <= ${nowIso}::timestamptz as breached
        from disputes d
        where d.status not in ('resolved', 'rejected')
          and d.opened_at + make_interval(hours => ${sla}::int)
              between ${nowIso}::timestamptz - make_interval(hours => ${LOOKBACK_HOURS}::int)
                  and ${nowIso}::timestamptz + make_interval(hours => ${settings.disputeDueWarningHours}::int)
          and not exists (
            select 1 from notifications n
            where n.subject_key = 'dispute:' || d.id
              and n.kind = case when d.opened_at + make_interval(hours => ${sla}::int) <= ${nowIso}::timestamptz
                                then 'dispute_breached' else 'dispute_due' end)
          and (d.assigned_to_id is not null or d.opened_at + make_interval(hours => ${sla}::int) <= ${nowIso}::timestamptz)
        order by d.id`,
  );
  const events: NotifyEvent[] = disputes.map((d) => ({
    kind: d.breached ? 'dispute_breached' : 'dispute_due',
    disputeId: d.id,
    dueAt: new Date(d.due_at).toISOString(),
  }));
  const targets = outageTargets(settings.milestoneTargetMinutes, settings.commTargetMinutes);
  for (const milestone of MILESTONE_ORDER) {
    const column = sql.raw(MILESTONE_COLUMNS[milestone]);
    const overdue = await queryRows<{ id: number }>(
      db,
      sql`select o.id from outages o
          where o.${column} is null
            and o.resolved_at is null
            and o.started_at + make_interval(mins => ${targets[milestone]}::int)
                between ${nowIso}::timestamptz - make_interval(hours => ${LOOKBACK_HOURS}::int) and ${nowIso}::timestamptz
            and not exists (
              select 1 from notifications n
              where n.kind = 'milestone_overdue' and n.subject_key = 'outage:' || o.id || ':' || ${milestone})
          order by o.id`,
    );
    for (const o of overdue) events.push({ kind: 'milestone_overdue', outageId: o.id, milestone });
  }
  return events;
}
