import 'server-only';
import { dashboardQuerySchema } from '@/lib/schemas/dashboard';
import { retentionBreakdowns } from '../../metrics/retention-breakdowns';
import { resolveKpiScope } from '../../metrics/scope';
import { getSettings } from '../../services/settings';
import { createTRPCRouter, roleProcedure } from '../trpc';

const readers = roleProcedure('manager', 'analyst', 'admin');

// The monthly save-rate trend is the dashboard's `series` (the KPI engine's monthly figures).
export const retentionRouter = createTRPCRouter({
  /** The period's desk figures, by offer type, by reason, per rep, and offer cost against saved MRR. */
  breakdowns: readers.input(dashboardQuerySchema).query(async ({ ctx, input }) => {
    const scope = await resolveKpiScope(ctx.db, ctx.session, input);
    const { reportTz, currency } = await getSettings(ctx.db);
    const data = await retentionBreakdowns(ctx.db, {
      period: { from: input.from, to: input.to, tz: reportTz },
      ...scope,
    });
    return { ...data, currency };
  }),
});
