import 'server-only';
import { createUserSchema, updateUserSchema, userIdSchema } from '@/lib/schemas/accounts';
import { createUser, deactivateUser, issuePasswordLink, reactivateUser, updateUser } from '../../services/accounts';
import { listUsers } from '../../services/users';
import { createTRPCRouter, roleProcedure } from '../trpc';

const adminProcedure = roleProcedure('admin');

/** Staff accounts. Links in answers are shown once: only their hash is stored. */
export const adminRouter = createTRPCRouter({
  users: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  createUser: adminProcedure.input(createUserSchema).mutation(({ ctx, input }) => createUser(ctx.db, ctx.session.id, input)),
  updateUser: adminProcedure.input(updateUserSchema).mutation(({ ctx, input }) => updateUser(ctx.db, ctx.session.id, input)),
  deactivateUser: adminProcedure
    .input(userIdSchema)
    .mutation(({ ctx, input }) => deactivateUser(ctx.db, ctx.session.id, input.userId)),
  reactivateUser: adminProcedure
    .input(userIdSchema)
    .mutation(({ ctx, input }) => reactivateUser(ctx.db, ctx.session.id, input.userId)),
  issuePasswordLink: adminProcedure
    .input(userIdSchema)
    .mutation(({ ctx, input }) => issuePasswordLink(ctx.db, ctx.session.id, input.userId)),
});
