import 'server-only';
import { previousPeriod } from '@/lib/periods';
import { dashboardQuerySchema } from '@/lib/schemas/dashboard';
import { compensationByKindMonthly } from '../../metrics/compensation-breakdowns';
import { compensationFigures } from '../../metrics/compensation';
import { creditOutliers } from '../../metrics/credit-outliers';
import { trailingMonths } from '../../metrics/month-range';
import { resolveKpiScope } from '../../metrics/scope';
import { getSettings } from '../../services/settings';
import { createTRPCRouter, roleProcedure } from '../trpc';

/** Every query re-scopes the client's filters to the caller and reads the settings it needs. */
const areaQuery = roleProcedure('manager', 'analyst', 'admin')
  .input(dashboardQuerySchema)
  .use(async ({ ctx, input, next }) => {
    const scope = await resolveKpiScope(ctx.db, ctx.session, input);
    const settings = await getSettings(ctx.db);
    const period = { from: input.from, to: input.to, tz: settings.reportTz };
    return next({ ctx: { scope, settings, period } });
  });

export const compensationRouter = createTRPCRouter({
  /** The KPI engine's compensation figures (totals, by kind, region and rep) and the previous period's. */
  summary: areaQuery.query(async ({ ctx, input }) => {
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
  kindMonthly: areaQuery.query(async ({ ctx, input }) => ({
    currency: ctx.settings.currency,
    ...(await compensationByKindMonthly(ctx.db, {
      ...trailingMonths(input.to, 12),
      tz: ctx.settings.reportTz,
      ...ctx.scope,
    })),
  })),

  creditOutliers: areaQuery.query(async ({ ctx }) => ({
    currency: ctx.settings.currency,
    ...(await creditOutliers(ctx.db, { period: ctx.period, ...ctx.scope })),
  })),
});
