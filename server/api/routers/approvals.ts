import 'server-only';
import { decideCreditRequestInput } from '@/lib/schemas/dispute-case';
import { decideCreditRequest, listPendingCreditRequests } from '../../services/disputes/credit-requests';
import { createTRPCRouter, roleProcedure } from '../trpc';

const manager = roleProcedure('manager', 'admin');

export const approvalsRouter = createTRPCRouter({
  list: manager.query(({ ctx }) => listPendingCreditRequests(ctx.db, ctx.session)),
  decide: manager
    .input(decideCreditRequestInput)
    .mutation(({ ctx, input }) => decideCreditRequest(ctx.db, ctx.session, input)),
});
