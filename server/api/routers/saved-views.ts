import 'server-only';
import { savedViewListSchema, savedViewRemoveSchema, savedViewSaveSchema } from '@/lib/schemas/saved-views';
import { listSavedViews, removeView, saveView } from '../../services/saved-views';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/** A user's named filter sets for list pages; each user sees and changes only their own. */
export const savedViewsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(savedViewListSchema)
    .query(({ ctx, input }) => listSavedViews(ctx.db, ctx.session, input.page)),

  save: protectedProcedure
    .input(savedViewSaveSchema)
    .mutation(({ ctx, input }) => saveView(ctx.db, ctx.session, input)),

  remove: protectedProcedure
    .input(savedViewRemoveSchema)
    .mutation(({ ctx, input }) => removeView(ctx.db, ctx.session, input.id)),
});
