import 'server-only';
import { previousPeriod } from '@/lib/periods';
import { dashboardQuerySchema } from '@/lib/schemas/dashboard';
import { backlogAgeing } from '../../metrics/backlog-ageing';
import {
  disputesByRep,
  disputesOpenedByCauseMonthly,
  firstBillDisputesBySeller,
} from '../../metrics/dispute-breakdowns';
import { disputeFigures } from '../../metrics/disputes';
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

export const disputesRouter = createTRPCRouter({
  /** The KPI engine's dispute figures for the period and the previous period of equal length. */
  summary: areaQuery.query(async ({ ctx, input }) => {
    const { scope, settings, period } = ctx;
    const params = { ...scope, disputeSlaHours: settings.disputeSlaHours };
    const [current, previous] = await Promise.all([
      disputeFigures(ctx.db, { ...params, period }),
      disputeFigures(ctx.db, { ...params, period: { ...previousPeriod(input), tz: settings.reportTz } }),
    ]);
    return { current, previous, slaHours: settings.disputeSlaHours, currency: settings.currency };
  }),

  /** Opened by cause in each of the twelve months ending with the month of `to`. */
  causeMonthly: areaQuery.query(({ ctx, input }) =>
    disputesOpenedByCauseMonthly(ctx.db, { ...trailingMonths(input.to, 12), tz: ctx.settings.reportTz, ...ctx.scope }),
  ),

  backlogAgeing: areaQuery.query(({ ctx }) => backlogAgeing(ctx.db, { period: ctx.period, ...ctx.scope })),

  byRep: areaQuery.query(async ({ ctx }) => ({
    currency: ctx.settings.currency,
    rows: await disputesByRep(ctx.db, {
      period: ctx.period,
      ...ctx.scope,
      disputeSlaHours: ctx.settings.disputeSlaHours,
    }),
  })),

  firstBillBySeller: areaQuery.query(async ({ ctx }) => ({
    currency: ctx.settings.currency,
    rows: await firstBillDisputesBySeller(ctx.db, {
      period: ctx.period,
      ...ctx.scope,
      disputeSlaHours: ctx.settings.disputeSlaHours,
    }),
  })),
});
