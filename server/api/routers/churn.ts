import 'server-only';
import { churnFigures } from '../../metrics/churn';
import { monthlyChurnByRegion } from '../../metrics/churn-breakdowns';
import { COHORT_HORIZON_MONTHS, cohortRetention } from '../../metrics/cohorts';
import { trailingMonths } from '../../metrics/month-range';
import { promoCliff } from '../../metrics/promo-cliff';
import { dashboardProcedure } from '../dashboard-procedure';
import { createTRPCRouter } from '../trpc';

/** Months of history the churn page charts, ending with the month of the period's end. */
const TREND_MONTHS = 12;

// Churn ignores the rep filter (docs/metrics.md); the scope still refuses someone else's region.
export const churnRouter = createTRPCRouter({
  /** The period's churn figures from the KPI engine: totals, by category, by competitor. */
  figures: dashboardProcedure.query(async ({ ctx, input }) => {
    const { region } = ctx.scope;
    const { reportTz } = ctx.settings;
    return churnFigures(ctx.db, { period: { from: input.from, to: input.to, tz: reportTz }, region });
  }),

  /** Monthly churn and revenue churn rates per region, 12 months up to the period's end. */
  monthlyByRegion: dashboardProcedure.query(async ({ ctx, input }) => {
    const { region } = ctx.scope;
    const { reportTz } = ctx.settings;
    return monthlyChurnByRegion(ctx.db, { ...trailingMonths(input.to, TREND_MONTHS), tz: reportTz, region });
  }),

  /** Retention of the 12 activation cohorts up to the period's end, 1..12 months on. */
  cohorts: dashboardProcedure.query(async ({ ctx, input }) => {
    const { region } = ctx.scope;
    const { reportTz } = ctx.settings;
    return cohortRetention(ctx.db, { ...trailingMonths(input.to, COHORT_HORIZON_MONTHS), tz: reportTz, region });
  }),

  /** Active customers whose promotion ends in the next 60 days (from today, not the period). */
  promoCliff: dashboardProcedure.query(async ({ ctx }) => {
    const { region } = ctx.scope;
    const { reportTz, currency } = ctx.settings;
    return { ...(await promoCliff(ctx.db, { region, tz: reportTz })), currency };
  }),
});
