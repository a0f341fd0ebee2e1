import 'server-only';
import { previousPeriod } from '@/lib/periods';
import { compensationByKindMonthly } from '../../metrics/compensation-breakdowns';
import { compensationFigures } from '../../metrics/compensation';
import { creditOutliers } from '../../metrics/credit-outliers';
import { trailingMonths } from '../../metrics/month-range';
import { dashboardProcedure } from '../dashboard-procedure';
import { createTRPCRouter } from '../trpc';


export const compensationRouter = createTRPCRouter({
  /** The KPI engine's compensation figures (totals, by kind, region and rep) and the previous period's. */
  summary: dashboardProcedure.query(async ({ ctx, input }) => {
    const { scope, settings, period } = ctx;
    const [current, previous] = await Promise.all([
      compensationFigures(ctx.db, { period, ...scope }),
      compensationFigures(ctx.db, { period: { ...previousPeriod(input), tz: settings.reportTz }, ...scope }),
    ]);
    return {
      current,
      previous: { count: previous.count, totalCents: previous.totalCents },
      currency: settings.currency,
    };
  }),

  /** Issued by kind in each of the twelve months ending with the month of `to`. */
  kindMonthly: dashboardProcedure.query(async ({ ctx, input }) => ({
    currency: ctx.settings.currency,
    ...(await compensationByKindMonthly(ctx.db, {
      ...trailingMonths(input.to, 12),
      tz: ctx.settings.reportTz,
      ...ctx.scope,
    })),
  })),

  creditOutliers: dashboardProcedure.query(async ({ ctx }) => ({
    currency: ctx.settings.currency,
    ...(await creditOutliers(ctx.db, { period: ctx.period, ...ctx.scope })),
  })),
});
