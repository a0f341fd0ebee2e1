import 'server-only';
import PgBoss from 'pg-boss';
import type { Db } from '@/db/client';
import type { JobContext } from './job-context';
import { recordedFailure } from './job-failure';
import { QUEUE_NAMES, QUEUES, type QueueName } from './queues';
import { HANDLERS, SCHEDULES } from './registry';
import { handleExecutor } from './sql-executor';

export interface JobRunnerOptions {
  context: JobContext;
  /** How often an idle worker looks for jobs; pg-boss's minimum is 0.5 s. */
  pollingIntervalSeconds?: number;
  /** Register the recurring jobs (off in tests that drive the sweep themselves). */
  schedules?: boolean;
  /** Only these queues get workers (all by default). */
  queues?: readonly QueueName[];
  /** The handlers to run (the registry's by default). */
  handlers?: Partial<HandlerMap>;
}

type HandlerMap = typeof HANDLERS;

export interface JobRunner {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * pg-boss on the app's own database handle: its queries share the app's connection (PGlite)
 * or pool (PostgreSQL). Creates every queue with its options, starts one worker per queue and
 * slot, registers the schedules. pg-boss's schema comes from the migrations (0004_pgboss_schema).
 */
export async function startJobRunner(db: Db, options: JobRunnerOptions): Promise<JobRunner> {
  const boss = new PgBoss({
    db: handleExecutor(db),
    migrate: true,
    supervise: true,
    schedule: options.schedules ?? true,
    maintenanceIntervalSeconds: 120,
  });
  boss.on('error', (error: unknown) => {
    console.error('Job runner:', error instanceof Error ? error.message : String(error));
  });
  await boss.start();
  for (const queue of QUEUE_NAMES) {
    await boss.createQueue(queue, { name: queue, ...QUEUES[queue].options });
    await boss.updateQueue(queue, { name: queue, ...QUEUES[queue].options });
  }
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  for (const queue of options.queues ?? QUEUE_NAMES) {
    const slots = 'concurrency' in QUEUES[queue] ? Number(QUEUES[queue].concurrency) : 1;
    for (let slot = 0; slot < slots; slot++) {
      await boss.work(queue, { pollingIntervalSeconds, batchSize: 1, includeMetadata: true }, ([job]) =>
        job ? runJob(options.context, queue, job, options.handlers?.[queue] ?? HANDLERS[queue]) : Promise.resolve(),
      );
    }
  }
  if (options.schedules ?? true) {
    for (const { queue, cron, singletonKey } of SCHEDULES) {
      await boss.schedule(queue, cron, {}, { tz: 'UTC', singletonKey });
    }
  }
  return {
    boss,
    async stop() {
      // Jobs still running after the timeout are failed and retried by the next start.
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    },
  };
}

async function runJob<Q extends QueueName>(
  context: JobContext,
  queue: Q,
  job: PgBoss.JobWithMetadata<unknown>,
  handler: HandlerMap[Q],
): Promise<void> {
  const parsed = QUEUES[queue].payload.safeParse(job.data);
  if (!parsed.success) {
    throw recordedFailure(new Error(`job ${job.id} on ${queue}: payload does not match the queue's schema`));
  }
  const run = handler as (c: JobContext, p: unknown, j: { id: string; retryCount: number }) => Promise<void>;
  try {
    await run(context, parsed.data, { id: job.id, retryCount: job.retryCount });
  } catch (error) {
    throw recordedFailure(error);
  }
}
