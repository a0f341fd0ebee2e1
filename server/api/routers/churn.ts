import 'server-only';
import { dashboardQuerySchema } from '@/lib/schemas/dashboard';
import { churnFigures } from '../../metrics/churn';
import { monthlyChurnByRegion, trailingMonths } from '../../metrics/churn-breakdowns';
import { COHORT_HORIZON_MONTHS, cohortRetention } from '../../metrics/cohorts';
import { promoCliff } from '../../metrics/promo-cliff';
import { resolveKpiScope } from '../../metrics/scope';
import { getSettings } from '../../services/settings';
import { createTRPCRouter, roleProcedure } from '../trpc';

const readers = roleProcedure('manager', 'analyst', 'admin');

/** Months of history the churn page charts, ending with the month of the period's end. */
const TREND_MONTHS = 12;

// Churn ignores the rep filter (metrics.md); the scope still refuses someone else's region.
export const churnRouter = createTRPCRouter({
  /** The period's churn figures from the KPI engine: totals, by category, by competitor. */
  figures: readers.input(dashboardQuerySchema).query(async ({ ctx, input }) => {
    const { region } = await resolveKpiScope(ctx.db, ctx.session, input);
    const { reportTz } = await getSettings(ctx.db);
    return churnFigures(ctx.db, { period: { from: input.from, to: input.to, tz: reportTz }, region });
  }),

  /** Monthly churn and revenue churn rates per region, 12 months up to the period's end. */
  monthlyByRegion: readers.input(dashboardQuerySchema).query(async ({ ctx, input }) => {
    const { region } = await resolveKpiScope(ctx.db, ctx.session, input);
    const { reportTz } = await getSettings(ctx.db);
    return monthlyChurnByRegion(ctx.db, { ...trailingMonths(input.to, TREND_MONTHS), tz: reportTz, region });
  }),

  /** Retention of the 12 activation cohorts up to the period's end, 1..12 months on. */
  cohorts: readers.input(dashboardQuerySchema).query(async ({ ctx, input }) => {
    const { region } = await resolveKpiScope(ctx.db, ctx.session, input);
    const { reportTz } = await getSettings(ctx.db);
    return cohortRetention(ctx.db, { ...trailingMonths(input.to, COHORT_HORIZON_MONTHS), tz: reportTz, region });
  }),

  /** Active customers whose promotion ends in the next 60 days (from today, not the period). */
  promoCliff: readers.input(dashboardQuerySchema).query(async ({ ctx, input }) => {
    const { region } = await resolveKpiScope(ctx.db, ctx.session, input);
    const { reportTz, currency } = await getSettings(ctx.db);
    return { ...(await promoCliff(ctx.db, { region, tz: reportTz })), currency };
  }),
});
