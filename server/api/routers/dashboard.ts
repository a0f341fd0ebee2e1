import 'server-only';
import { dashboardQuerySchema } from '@/lib/schemas/dashboard';
import { previousPeriod } from '@/lib/periods';
import { computeKpis } from '../../metrics/kpis';
import { resolveKpiScope } from '../../metrics/scope';
import { biggestMovers } from '../../metrics/movers';
import { monthlySeries } from '../../metrics/series';
import { listFilterOptions } from '../../services/dashboard-filters';
import { getSettings } from '../../services/settings';
import { createTRPCRouter, roleProcedure } from '../trpc';

const readers = roleProcedure('manager', 'analyst', 'admin');

/** The month `months - 1` before the month of `date` (YYYY-MM-DD), as YYYY-MM. */
function monthsBack(date: string, months: number): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(year, month - 1 - (months - 1), 1));
  return d.toISOString().slice(0, 7);
}

export const dashboardRouter = createTRPCRouter({
  filterOptions: readers.query(({ ctx }) => listFilterOptions(ctx.db, ctx.session)),

  /** The figures of the period and of the previous period of equal length, scoped to the caller. */
  kpis: readers.input(dashboardQuerySchema).query(async ({ ctx, input }) => {
    const scope = await resolveKpiScope(ctx.db, ctx.session, input);
    const settings = await getSettings(ctx.db);
    const previous = previousPeriod(input);
    const [current, before] = await Promise.all([
      computeKpis(ctx.db, { from: input.from, to: input.to, ...scope, settings }),
      computeKpis(ctx.db, { ...previous, ...scope, settings }),
    ]);
    return { current, previous: before };
  }),

  /** "What changed": regions and reps that moved most against the previous period. */
  movers: readers.input(dashboardQuerySchema).query(async ({ ctx, input }) => {
    const scope = await resolveKpiScope(ctx.db, ctx.session, input);
    const { reportTz: tz } = await getSettings(ctx.db);
    const previous = previousPeriod(input);
    return biggestMovers(ctx.db, { current: { from: input.from, to: input.to, tz }, previous: { ...previous, tz }, ...scope });
  }),

  /** Twelve calendar months ending with the month of `to`, for sparklines and trends. */
  series: readers.input(dashboardQuerySchema).query(async ({ ctx, input }) => {
    const scope = await resolveKpiScope(ctx.db, ctx.session, input);
    const settings = await getSettings(ctx.db);
    return monthlySeries(ctx.db, {
      fromMonth: monthsBack(input.to, 12),
      toMonth: input.to.slice(0, 7),
      tz: settings.reportTz,
      disputeSlaHours: settings.disputeSlaHours,
      commTargetMinutes: settings.commTargetMinutes,
      ...scope,
    });
  }),
});
