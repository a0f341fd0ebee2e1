import 'server-only';
import { dashboardQuerySchema } from '@/lib/schemas/dashboard';
import { FIGURE_READERS, resolveKpiScope } from '../metrics/scope';
import { getSettings } from '../services/settings';
import { roleProcedure } from './trpc';

/**
 * A dashboard query: the figure readers of metrics/scope.ts (not reps); the client's filters are
 * re-scoped to the caller on every call (another region → FORBIDDEN), and the settings and period are at hand.
 */
export const dashboardProcedure = roleProcedure(...FIGURE_READERS)
  .input(dashboardQuerySchema)
  .use(async ({ ctx, input, next }) => {
    const [scope, settings] = await Promise.all([resolveKpiScope(ctx.db, ctx.session, input), getSettings(ctx.db)]);
    const period = { from: input.from, to: input.to, tz: settings.reportTz };
    return next({ ctx: { scope, settings, period } });
  });
