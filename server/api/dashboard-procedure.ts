import 'server-only';
import { dashboardQuerySchema } from '@/lib/schemas/dashboard';
import { FIGURE_READERS } from '../metrics/scope';
import { withHeavySlot } from '../http/heavy-limit';
import { createRequestMemo } from '../request-context';
import { roleProcedure } from './trpc';

/**
 * A dashboard query: the figure readers of metrics/scope.ts (not reps); the client's filters are
 * re-scoped to the caller on every call (another region → FORBIDDEN), and the settings and period are at hand.
 * Figures may lag by the replicas' max lag, so `ctx.db` here is the read database (a replica when
 * one is fresh and the caller has not just written, else the primary).
 */
export const dashboardProcedure = roleProcedure(...FIGURE_READERS)
  .input(dashboardQuerySchema)
  // Figures are the heavy reads: within the process's limit (503 when its queue is full).
  .use(({ signal, next }) => withHeavySlot(signal, () => next()))
  .use(async ({ ctx, input, next }) => {
    const db = ctx.readDb ?? ctx.db;
    const memo = ctx.memo ?? createRequestMemo();
    const [scope, settings] = await Promise.all([memo.scope(db, ctx.session, input), memo.settings(db)]);
    const period = { from: input.from, to: input.to, tz: settings.reportTz };
    return next({ ctx: { db, scope, settings, period } });
  });
