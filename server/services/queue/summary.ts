import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { slaClock, unresolved } from './sla';

export interface QueueSummary {
  open: number;
  breached: number;
  dueSoon: number;
}

/** How many unresolved disputes a rep holds, and how many are past or near the SLA. */
export async function getQueueSummary(
  db: Db,
  params: { assigneeId: number; slaHours: number; now: Date },
): Promise<QueueSummary> {
  const { states } = slaClock(sql`d.opened_at`, params.slaHours, params.now);
  const [row] = await queryRows<Record<keyof QueueSummary, number | string>>(
    db,
    sql`select
      count(*) as open,
      count(*) filter (where ${states.breached}) as breached,
      count(*) filter (where ${states['due-soon']}) as "dueSoon"
    from disputes d
    where d.assigned_to_id = ${params.assigneeId} and ${unresolved(sql`d.status`)}`,
  );
  return { open: Number(row?.open ?? 0), breached: Number(row?.breached ?? 0), dueSoon: Number(row?.dueSoon ?? 0) };
}
