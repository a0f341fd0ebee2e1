import 'server-only';
import type { Db } from '@/db/client';
import { queueCountsSchema, queueListSchema } from '@/lib/schemas/queue';
import { getQueueSummary } from '../../services/queue/summary';
import { listAssignees } from '../../services/queue/assignees';
import { countQueue, listQueue, type QueueClock } from '../../services/queue/list';
import { getSettings } from '../../services/settings';
import { createTRPCRouter, roleProcedure } from '../trpc';

const workers = roleProcedure('rep', 'manager');

async function clockNow(db: Db): Promise<QueueClock> {
  const { disputeSlaHours } = await getSettings(db);
  return { slaHours: disputeSlaHours, now: new Date() };
}

/** The dispute work queue; whose disputes are in it comes from the session (services/queue/list.ts). */
export const queueRouter = createTRPCRouter({
  mySummary: workers.query(async ({ ctx }) => {
    const { slaHours, now } = await clockNow(ctx.db);
    return getQueueSummary(ctx.db, { assigneeId: ctx.session.id, slaHours, now });
  }),

  list: workers
    .input(queueListSchema)
    .query(async ({ ctx, input }) => listQueue(ctx.db, ctx.session, input, await clockNow(ctx.db))),

  counts: workers
    .input(queueCountsSchema)
    .query(async ({ ctx, input }) => countQueue(ctx.db, ctx.session, input, await clockNow(ctx.db))),

  assignees: roleProcedure('manager').query(({ ctx }) => listAssignees(ctx.db, ctx.session)),
});
