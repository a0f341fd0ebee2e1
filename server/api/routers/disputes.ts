import 'server-only';
import { previousPeriod } from '@/lib/periods';
import { backlogAgeing } from '../../metrics/backlog-ageing';
import {
  disputesByRep,
  disputesOpenedByCauseMonthly,
  firstBillDisputesBySeller,
} from '../../metrics/dispute-breakdowns';
import { p90HoursToResolve } from '../../metrics/dispute-resolution-p90';
import { disputeFigures } from '../../metrics/disputes';
import { trailingMonths } from '../../metrics/month-range';
import { dashboardProcedure } from '../dashboard-procedure';
import { createTRPCRouter } from '../trpc';

export const disputesRouter = createTRPCRouter({
  /** The KPI engine's dispute figures for the period and the previous period of equal length. */
  summary: dashboardProcedure.query(async ({ ctx, input }) => {
    const { scope, settings, period } = ctx;
    const params = { ...scope, disputeSlaHours: settings.disputeSlaHours };
    const before = { ...previousPeriod(input), tz: settings.reportTz };
    const [current, previous, currentP90, previousP90] = await Promise.all([
      disputeFigures(ctx.db, { ...params, period }),
      disputeFigures(ctx.db, { ...params, period: before }),
      p90HoursToResolve(ctx.db, { ...scope, period }),
      p90HoursToResolve(ctx.db, { ...scope, period: before }),
    ]);
    return {
      current,
      previous,
      p90HoursToResolve: { current: currentP90, previous: previousP90 },
      slaHours: settings.disputeSlaHours,
      currency: settings.currency,
    };
  }),

  /** Opened by cause in each of the twelve months ending with the month of `to`. */
  causeMonthly: dashboardProcedure.query(({ ctx, input }) =>
    disputesOpenedByCauseMonthly(ctx.db, { ...trailingMonths(input.to, 12), tz: ctx.settings.reportTz, ...ctx.scope }),
  ),

  backlogAgeing: dashboardProcedure.query(({ ctx }) => backlogAgeing(ctx.db, { period: ctx.period, ...ctx.scope })),

  byRep: dashboardProcedure.query(async ({ ctx }) => ({
    currency: ctx.settings.currency,
    rows: await disputesByRep(ctx.db, {
      period: ctx.period,
      ...ctx.scope,
      disputeSlaHours: ctx.settings.disputeSlaHours,
    }),
  })),

  firstBillBySeller: dashboardProcedure.query(async ({ ctx }) => ({
    currency: ctx.settings.currency,
    rows: await firstBillDisputesBySeller(ctx.db, {
      period: ctx.period,
      ...ctx.scope,
      disputeSlaHours: ctx.settings.disputeSlaHours,
    }),
  })),
});
