import 'server-only';
import { customerAccountInput, globalSearchInput } from '@/lib/schemas/customers';
import { loadCustomer360 } from '../../services/customers/profile';
import { creditServiceFailures, customerServiceCredits } from '../../services/customers/service-credits';
import { globalSearch } from '../../services/search/global-search';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/** Customer 360 and the header's search: every role, each within its own customers (see services/customers/scope). */
export const customersRouter = createTRPCRouter({
  get: protectedProcedure
    .input(customerAccountInput)
    .query(({ ctx, input }) => loadCustomer360(ctx.db, ctx.session, input.account)),
  /** Ofcom's missed-appointment and late-start compensation of one customer: owed, credited, still owed. */
  serviceCredits: protectedProcedure
    .input(customerAccountInput)
    .query(({ ctx, input }) => customerServiceCredits(ctx.db, ctx.session, input.account)),
  /** Books what is still owed as automatic credits (managers and admins; the service checks the role). */
  creditServiceFailures: protectedProcedure
    .input(customerAccountInput)
    .mutation(({ ctx, input }) => creditServiceFailures(ctx.db, ctx.session, input.account)),
  search: protectedProcedure
    .input(globalSearchInput)
    .query(({ ctx, input }) => globalSearch(ctx.db, ctx.session, input)),
});
