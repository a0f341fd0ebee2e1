import 'server-only';
import { previousPeriod } from '@/lib/periods';
import { outageList } from '../../metrics/outage-list';
import { outageFigures } from '../../metrics/outages';
import { dashboardProcedure } from '../dashboard-procedure';
import { createTRPCRouter } from '../trpc';

// Outages ignore the rep filter (docs/metrics.md): only the scoped region is used.

export const outagesRouter = createTRPCRouter({
  /** The KPI engine's outage figures for the period and the previous period of equal length. */
  summary: dashboardProcedure.query(async ({ ctx, input }) => {
    const { settings, period } = ctx;
    const { region } = ctx.scope;
    const commTargetMinutes = settings.commTargetMinutes;
    const [current, previous] = await Promise.all([
      outageFigures(ctx.db, { period, region, commTargetMinutes }),
      outageFigures(ctx.db, { period: { ...previousPeriod(input), tz: settings.reportTz }, region, commTargetMinutes }),
    ]);
    return { current, previous, commTargetMinutes, timezone: settings.reportTz };
  }),

  /** The outages started in the period, one by one, latest first. */
  list: dashboardProcedure.query(({ ctx }) => outageList(ctx.db, { period: ctx.period, region: ctx.scope.region })),
});
