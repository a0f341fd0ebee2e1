import 'server-only';
import { getQueueSummary } from '../../services/queue';
import { getSettings } from '../../services/settings';
import { createTRPCRouter, roleProcedure } from '../trpc';

export const queueRouter = createTRPCRouter({
  mySummary: roleProcedure('rep', 'manager').query(async ({ ctx }) => {
    const { disputeSlaHours } = await getSettings(ctx.db);
    return getQueueSummary(ctx.db, { assigneeId: ctx.session.id, slaHours: disputeSlaHours, now: new Date() });
  }),
});
