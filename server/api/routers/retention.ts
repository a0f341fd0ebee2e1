import 'server-only';
import { retentionBreakdowns } from '../../metrics/retention-breakdowns';
import { retentionByRepRegion } from '../../metrics/retention-rep-region';
import { verifiedSaves } from '../../metrics/verified-saves';
import { dashboardProcedure } from '../dashboard-procedure';
import { createTRPCRouter } from '../trpc';

// The monthly save-rate trend is the dashboard's `series` (the KPI engine's monthly figures).
export const retentionRouter = createTRPCRouter({
  /** The period's desk figures, by offer type, by reason, per rep, and offer cost against saved MRR. */
  breakdowns: dashboardProcedure.query(async ({ ctx }) => {
    const data = await retentionBreakdowns(ctx.db, { period: ctx.period, ...ctx.scope });
    return { ...data, currency: ctx.settings.currency };
  }),

  /** Saves still active 30, 60 and 90 days after the close, overall, by rep and by offer (docs/metrics.md). */
  verifiedSaves: dashboardProcedure.query(({ ctx }) =>
    verifiedSaves(ctx.db, { period: ctx.period, ...ctx.scope, asOf: new Date() }),
  ),

  /** Save rate per rep and customer region. */
  byRepRegion: dashboardProcedure.query(({ ctx }) =>
    retentionByRepRegion(ctx.db, { period: ctx.period, ...ctx.scope }),
  ),
});
