import 'server-only';
import { previousPeriod } from '@/lib/periods';
import { dashboardQuerySchema } from '@/lib/schemas/dashboard';
import { outageList } from '../../metrics/outage-list';
import { outageFigures } from '../../metrics/outages';
import { resolveKpiScope } from '../../metrics/scope';
import { getSettings } from '../../services/settings';
import { createTRPCRouter, roleProcedure } from '../trpc';

/** Every query re-scopes the client's filters to the caller; outages ignore the rep filter. */
const areaQuery = roleProcedure('manager', 'analyst', 'admin')
  .input(dashboardQuerySchema)
  .use(async ({ ctx, input, next }) => {
    const scope = await resolveKpiScope(ctx.db, ctx.session, input);
    const settings = await getSettings(ctx.db);
    const period = { from: input.from, to: input.to, tz: settings.reportTz };
    return next({ ctx: { region: scope.region, settings, period } });
  });

export const outagesRouter = createTRPCRouter({
  /** The KPI engine's outage figures for the period and the previous period of equal length. */
  summary: areaQuery.query(async ({ ctx, input }) => {
    const { region, settings, period } = ctx;
    const commTargetMinutes = settings.commTargetMinutes;
    const [current, previous] = await Promise.all([
      outageFigures(ctx.db, { period, region, commTargetMinutes }),
      outageFigures(ctx.db, { period: { ...previousPeriod(input), tz: settings.reportTz }, region, commTargetMinutes }),
    ]);
    return { current, previous, commTargetMinutes, timezone: settings.reportTz };
  }),

  /** The outages started in the period, one by one, latest first. */
  list: areaQuery.query(({ ctx }) => outageList(ctx.db, { period: ctx.period, region: ctx.region })),
});
