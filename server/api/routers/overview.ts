import 'server-only';
import { pinnedRegion } from '../../auth/rbac';
import { getOverviewSnapshot } from '../../services/overview';
import { createTRPCRouter, roleProcedure } from '../trpc';

export const overviewRouter = createTRPCRouter({
  snapshot: roleProcedure('manager', 'analyst', 'admin').query(({ ctx }) =>
    getOverviewSnapshot(ctx.db, { regionCode: pinnedRegion(ctx.session) }),
  ),
});
