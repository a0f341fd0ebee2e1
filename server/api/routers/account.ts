import 'server-only';
import { changePasswordSchema } from '@/lib/schemas/accounts';
import { changeOwnPassword, signOutEverywhere } from '../../services/accounts';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/** The signed-in user's own account: every role, and only ever their own (the id comes from the session). */
export const accountRouter = createTRPCRouter({
  changePassword: protectedProcedure
    .input(changePasswordSchema)
    .mutation(({ ctx, input }) => changeOwnPassword(ctx.db, ctx.session.id, input)),
  signOutEverywhere: protectedProcedure.mutation(({ ctx }) => signOutEverywhere(ctx.db, ctx.session.id)),
});
