import 'server-only';
import { retentionBreakdowns } from '../../metrics/retention-breakdowns';
import { dashboardProcedure } from '../dashboard-procedure';
import { createTRPCRouter } from '../trpc';

// The monthly save-rate trend is the dashboard's `series` (the KPI engine's monthly figures).
export const retentionRouter = createTRPCRouter({
  /** The period's desk figures, by offer type, by reason, per rep, and offer cost against saved MRR. */
  breakdowns: dashboardProcedure.query(async ({ ctx }) => {
    const data = await retentionBreakdowns(ctx.db, { period: ctx.period, ...ctx.scope });
    return { ...data, currency: ctx.settings.currency };
  }),
});
