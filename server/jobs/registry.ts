import 'server-only';
import type { JobHandler } from './job-context';
import type { QueueName } from './queues';
import { handleNotificationEmail } from './handlers/notification-email';
import { handleExportScheduleSweep } from './handlers/export-schedule-sweep';
import { handleNotify } from './handlers/notify';
import { handleScheduledExport } from './handlers/scheduled-export';
import { handleOutageDispatch } from './handlers/outage-dispatch';
import { handleSlaSweep } from './handlers/sla-sweep';

/** The one handler of each queue; a queue without one fails the type check. */
export const HANDLERS: { [Q in QueueName]: JobHandler<Q> } = {
  notify: handleNotify,
  'notification-email': handleNotificationEmail,
  'sla-sweep': handleSlaSweep,
  'export-schedule-sweep': handleExportScheduleSweep,
  'scheduled-export': handleScheduledExport,
  'outage-dispatch': handleOutageDispatch,
};

/** Recurring jobs: pg-boss keeps the schedule in its own table and enqueues one job per tick. */
export const SCHEDULES: { queue: QueueName; cron: string; singletonKey: string }[] = [
  { queue: 'sla-sweep', cron: '*/5 * * * *', singletonKey: 'sla-sweep' },
  { queue: 'export-schedule-sweep', cron: '* * * * *', singletonKey: 'export-schedule-sweep' },
];
