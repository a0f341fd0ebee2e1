import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { ApiError } from '../../http/api-error';
import { enqueueRetry } from './retry';

export interface QueueCounts {
  name: string;
  policy: string | null;
  created: number;
  retry: number;
  active: number;
  completed: number;
  failed: number;
}

export interface FailedJob {
  id: string;
  queue: string;
  failedAt: string | null;
  attempts: number;
  error: string;
}

/** Only a message: pg-boss keeps what a handler threw; runner.ts already made it safe, never a stack. */
function messageOf(output: unknown): string {
  if (output && typeof output === 'object' && typeof (output as { message?: unknown }).message === 'string') {
    return (output as { message: string }).message.slice(0, 500);
  }
  return 'No reason recorded (the job may have expired while running).';
}

/** Every queue with its jobs per state, and the latest failures. */
export async function jobsOverview(db: Db, failureLimit = 50) {
  const queues = await queryRows<QueueCounts>(
    db,
    sql`select q.name, q.policy,
          count(j.id) filter (where j.state = 'created')::int as created,
          count(j.id) filter (where j.state = 'retry')::int as retry,
          count(j.id) filter (where j.state = 'active')::int as active,
          count(j.id) filter (where j.state = 'completed')::int as completed,
          count(j.id) filter (where j.state = 'failed')::int as failed
        from pgboss.queue q left join pgboss.job j on j.name = q.name
        where q.name not like '\\_\\_pgboss%'
        group by q.name, q.policy order by q.name`,
  );
  const failures = await queryRows<{
    id: string;
    name: string;
    completed_on: Date | string | null;
    retry_count: number;
    output: unknown;
  }>(
    db,
    sql`select id, name, completed_on, retry_count, output from pgboss.job
        where state = 'failed' order by completed_on desc nulls last limit ${failureLimit}`,
  );
  return {
    queues,
    failures: failures.map<FailedJob>((f) => ({
      id: f.id,
      queue: f.name,
      failedAt: f.completed_on ? new Date(f.completed_on).toISOString() : null,
      attempts: Number(f.retry_count) + 1,
      error: messageOf(f.output),
    })),
  };
}

/** Puts a failed job back in its queue for another round of attempts. */
export async function retryFailedJob(db: Db, params: { queue: string; id: string }): Promise<void> {
  const retried = await enqueueRetry(db, params.queue, params.id);
  if (!retried) {
    throw new ApiError('not_found', `No failed job ${params.id} in queue ${params.queue}.`, {
      key: 'jobNotFound',
      params: { id: String(params.id), queue: params.queue },
    });
  }
}
