import 'server-only';
import { listUsers } from '../../services/users';
import { createTRPCRouter, roleProcedure } from '../trpc';

export const adminRouter = createTRPCRouter({
  users: roleProcedure('admin').query(({ ctx }) => listUsers(ctx.db)),
});
