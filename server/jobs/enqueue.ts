import 'server-only';
import PgBoss from 'pg-boss';
import type { Db } from '@/db/client';
import { QUEUES, type QueueDefinition, type QueueName, type QueuePayload } from './queues';
import { drizzleExecutor } from './sql-executor';

export interface EnqueueOptions {
  /**
   * At most one waiting job per key (for `short` and `stately` queues); a duplicate is dropped
   * and null returned. Defaults to the queue's own key of the payload (queues.ts).
   */
  singletonKey?: string;
  /** Not before this instant. */
  startAfter?: Date;
}

/**
 * Builds pg-boss's SQL only: every statement goes through the `db` passed to each call, so
 * this instance never opens a connection of its own.
 */
const sender = new PgBoss({
  db: {
    executeSql: () => Promise.reject(new Error('the job sender has no connection of its own')),
  },
});

/**
 * Puts a job on `queue` through `db`, which may be a transaction: the job exists only if that
 * transaction commits. The payload is checked against the queue's schema first. Returns the
 * job id, or null when a job with the same singleton key is already waiting.
 */
export async function enqueueJob<Q extends QueueName>(
  db: Db,
  queue: Q,
  payload: QueuePayload<Q>,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const data = QUEUES[queue].payload.parse(payload) as object;
  const executor = drizzleExecutor(db);
  await ensureQueue(executor, queue);
  const sendOptions: PgBoss.SendOptions = { db: executor };
  const definition: QueueDefinition = QUEUES[queue];
  const singletonKey =
    options.singletonKey ?? (definition.singletonKey as ((p: unknown) => string) | undefined)?.(data);
  if (singletonKey !== undefined) sendOptions.singletonKey = singletonKey;
  if (options.startAfter !== undefined) sendOptions.startAfter = options.startAfter;
  return sender.send(queue, data, sendOptions);
}

/**
 * pg-boss keeps each queue in its own partition, created here on first use (in the caller's
 * transaction, so a rollback takes it away too); the worker does the same when it starts.
 */
async function ensureQueue(executor: PgBoss.Db, queue: QueueName): Promise<void> {
  const { rows } = await executor.executeSql('select 1 from pgboss.queue where name = $1', [queue]);
  if (rows.length === 0) {
    await executor.executeSql('select pgboss.create_queue($1, $2)', [queue, { ...QUEUES[queue].options }]);
  }
}
