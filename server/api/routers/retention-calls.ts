import 'server-only';
import {
  closeRetentionCaseInput,
  lookupCustomersInput,
  myCasesInput,
  openRetentionCaseInput,
} from '@/lib/schemas/retention-calls';
import { closeRetentionCase, openRetentionCase } from '../../services/retention-calls';
import { callFormOptions, lookupCustomers } from '../../services/retention-calls/lookup';
import { listMyCases, mySaveRate } from '../../services/retention-calls/my-cases';
import { createTRPCRouter, roleProcedure } from '../trpc';

/** Logging retention calls: reps, managers and admins; analysts read the figures elsewhere. */
const caller = roleProcedure('rep', 'manager', 'admin');

export const retentionCallsRouter = createTRPCRouter({
  lookupCustomers: caller
    .input(lookupCustomersInput)
    .query(({ ctx, input }) => lookupCustomers(ctx.db, ctx.session, input)),
  formOptions: caller.query(({ ctx }) => callFormOptions(ctx.db, ctx.session)),
  open: caller
    .input(openRetentionCaseInput)
    .mutation(({ ctx, input }) => openRetentionCase(ctx.db, ctx.session, input)),
  close: caller
    .input(closeRetentionCaseInput)
    .mutation(({ ctx, input }) => closeRetentionCase(ctx.db, ctx.session, input)),
  myCases: roleProcedure('rep')
    .input(myCasesInput)
    .query(({ ctx, input }) => listMyCases(ctx.db, ctx.session, input)),
  mySaveRate: roleProcedure('rep').query(({ ctx }) => mySaveRate(ctx.db, ctx.session)),
});
