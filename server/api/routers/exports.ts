import 'server-only';
import { exportCountSchema } from '@/lib/schemas/exports';
import { describeExport } from '../../export/describe';
import { createTRPCRouter, roleProcedure } from '../trpc';

/** The exports page: how many rows a download will have, which columns, and its links. */
export const exportsRouter = createTRPCRouter({
  count: roleProcedure('analyst', 'manager', 'admin')
    .input(exportCountSchema)
    .query(({ ctx, input }) => describeExport(ctx.db, ctx.session, input)),
});
