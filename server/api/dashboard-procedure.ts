import 'server-only';
import { dashboardQuerySchema } from '@/lib/schemas/dashboard';
import { resolveKpiScope } from '../metrics/scope';
import { getSettings } from '../services/settings';
import { roleProcedure } from './trpc';

/**
 * A dashboard query: managers, analysts and admins; the client's filters are re-scoped to the
 * caller on every call (another region → FORBIDDEN), and the settings and period are at hand.
 */
export const dashboardProcedure = roleProcedure('manager', 'analyst', 'admin')
  .input(dashboardQuerySchema)
  .use(async ({ ctx, input, next }) => {
    const [scope, settings] = await Promise.all([resolveKpiScope(ctx.db, ctx.session, input), getSettings(ctx.db)]);
    const period = { from: input.from, to: input.to, tz: settings.reportTz };
    return next({ ctx: { scope, settings, period } });
  });
