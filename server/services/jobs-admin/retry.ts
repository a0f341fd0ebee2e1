import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';

/**
 * pg-boss's own retry statement for one failed job: back to `retry`, its attempts counted afresh
 * from now, so the workers pick it up. Run here so it needs no worker in this process.
 */
export async function enqueueRetry(db: Db, queue: string, id: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update pgboss.job set state = 'retry', retry_count = 0, retry_limit = greatest(retry_limit, 1),
          start_after = now(), completed_on = null, output = null
        where name = ${queue} and id = ${id}::uuid and state = 'failed'
        returning id`,
  );
  return rows.length === 1;
}
