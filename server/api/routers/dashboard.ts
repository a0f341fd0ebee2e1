import 'server-only';
import { previousPeriod } from '@/lib/periods';
import { computeKpis } from '../../metrics/kpis';
import { trailingMonths } from '../../metrics/month-range';
import { biggestMovers } from '../../metrics/movers';
import { monthlySeries } from '../../metrics/series';
import { FIGURE_READERS } from '../../metrics/scope';
import { listFilterOptions } from '../../services/dashboard-filters';
import { dashboardProcedure } from '../dashboard-procedure';
import { createTRPCRouter, roleProcedure } from '../trpc';

const readers = roleProcedure(...FIGURE_READERS);

export const dashboardRouter = createTRPCRouter({
  filterOptions: readers.query(({ ctx }) => listFilterOptions(ctx.db, ctx.session)),

  /** The figures of the period and of the previous period of equal length, scoped to the caller. */
  kpis: dashboardProcedure.query(async ({ ctx, input }) => {
    const { scope, settings } = ctx;
    const previous = previousPeriod(input);
    const [current, before] = await Promise.all([
      computeKpis(ctx.db, { from: input.from, to: input.to, ...scope, settings }),
      computeKpis(ctx.db, { ...previous, ...scope, settings }),
    ]);
    return { current, previous: before };
  }),

  /** "What changed": regions and reps that moved most against the previous period. */
  movers: dashboardProcedure.query(async ({ ctx, input }) => {
    const previous = { ...previousPeriod(input), tz: ctx.settings.reportTz };
    return biggestMovers(ctx.db, { current: ctx.period, previous, ...ctx.scope });
  }),

  /** Twelve calendar months ending with the month of `to`, for sparklines and trends. */
  series: dashboardProcedure.query(async ({ ctx, input }) => {
    const { scope, settings } = ctx;
    return monthlySeries(ctx.db, {
      ...trailingMonths(input.to, 12),
      tz: settings.reportTz,
      disputeSlaHours: settings.disputeSlaHours,
      commTargetMinutes: settings.commTargetMinutes,
      ...scope,
    });
  }),
});
