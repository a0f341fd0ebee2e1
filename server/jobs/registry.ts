import 'server-only';
import type { JobHandler } from './job-context';
import type { QueueName } from './queues';
import { handleNotificationEmail } from './handlers/notification-email';
import { handleNotify } from './handlers/notify';
import { handleSlaSweep } from './handlers/sla-sweep';

/** The one handler of each queue; a queue without one fails the type check. */
export const HANDLERS: { [Q in QueueName]: JobHandler<Q> } = {
  notify: handleNotify,
  'notification-email': handleNotificationEmail,
  'sla-sweep': handleSlaSweep,
};

/** Recurring jobs: pg-boss keeps the schedule in its own table and enqueues one job per tick. */
export const SCHEDULES: { queue: QueueName; cron: string; singletonKey: string }[] = [
  { queue: 'sla-sweep', cron: '*/5 * * * *', singletonKey: 'sla-sweep' },
];
