import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';

export interface QueueSummary {
  open: number;
  breached: number;
  dueSoon: number;
}

/** How many unresolved disputes a rep holds, and how many are past or near the SLA. */
export async function getQueueSummary(db: Db, params: { assigneeId: number; slaHours: number; now: Date }): Promise<QueueSummary> {
  const due = sql`d.opened_at + make_interval(hours => ${params.slaHours})`;
  // postgres.js takes no Date in raw SQL: pass the instant as text and cast it.
  const now = sql`${params.now.toISOString()}::timestamptz`;
  const [row] = await queryRows<Record<keyof QueueSummary, number | string>>(
    db,
    sql`select
      count(*) as open,
      count(*) filter (where ${due} <= ${now}) as breached,
      count(*) filter (where ${due} > ${now} and ${due} <= ${now} + interval '8 hours') as "dueSoon"
    from disputes d
    where d.assigned_to_id = ${params.assigneeId} and d.status not in ('resolved', 'rejected')`,
  );
  return { open: Number(row?.open ?? 0), breached: Number(row?.breached ?? 0), dueSoon: Number(row?.dueSoon ?? 0) };
}
