import 'server-only';
import { pinnedRegion } from '../../auth/rbac';
import { FIGURE_READERS } from '../../metrics/scope';
import { getOverviewSnapshot } from '../../services/overview';
import { createTRPCRouter, roleProcedure } from '../trpc';

export const overviewRouter = createTRPCRouter({
  snapshot: roleProcedure(...FIGURE_READERS).query(({ ctx }) =>
    getOverviewSnapshot(ctx.db, { regionCode: pinnedRegion(ctx.session) }),
  ),
});
