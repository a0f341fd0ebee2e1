import 'server-only';
import { findDueEvents } from '../../services/notifications/sweep';
import { enqueueJob } from '../enqueue';
import type { JobHandler } from '../job-context';

/**
 * Every few minutes: disputes due soon or just breached, outage milestones just past their
 * target. Each becomes a notify job keyed by kind and subject; the notifications' own unique
 * key makes a repeat harmless.
 */
export const handleSlaSweep: JobHandler<'sla-sweep'> = async (context) => {
  const events = await findDueEvents(context.db, new Date());
  for (const event of events) await enqueueJob(context.db, 'notify', event);
};
