import 'server-only';
import { changePasswordSchema, localePreferenceSchema } from '@/lib/schemas/accounts';
import { changeOwnPassword, setLocalePreference, signOutEverywhere } from '../../services/accounts';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/** The signed-in user's own account: every role, and only ever their own (the id comes from the session). */
export const accountRouter = createTRPCRouter({
  changePassword: protectedProcedure
    .input(changePasswordSchema)
    .mutation(({ ctx, input }) => changeOwnPassword(ctx.db, ctx.session.id, input)),
  signOutEverywhere: protectedProcedure.mutation(({ ctx }) => signOutEverywhere(ctx.db, ctx.session.id)),
  setLocale: protectedProcedure
    .input(localePreferenceSchema)
    .mutation(({ ctx, input }) => setLocalePreference(ctx.db, ctx.session.id, input.locale)),
});
