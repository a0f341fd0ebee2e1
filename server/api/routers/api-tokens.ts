import 'server-only';
import { TRPCError } from '@trpc/server';
import { apiTokenCreateSchema, apiTokenRevokeSchema } from '@/lib/schemas/exports';
import { createApiToken, listApiTokens, revokeApiToken } from '../../auth/api-tokens';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/** Personal API tokens: every user manages only their own (the role rules apply when a token is used). */
export const apiTokensRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listApiTokens(ctx.db, ctx.session.id)),

  /** The token is in this answer only; it is stored hashed. */
  create: protectedProcedure
    .input(apiTokenCreateSchema)
    .mutation(({ ctx, input }) => createApiToken(ctx.db, ctx.session.id, input.name)),

  revoke: protectedProcedure.input(apiTokenRevokeSchema).mutation(async ({ ctx, input }) => {
    if (!(await revokeApiToken(ctx.db, ctx.session.id, input.id))) {
      throw new TRPCError({ code: 'NOT_FOUND', message: 'No such live token of yours.' });
    }
    return { id: input.id };
  }),
});
