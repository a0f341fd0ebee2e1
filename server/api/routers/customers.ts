import 'server-only';
import { customerAccountInput, globalSearchInput } from '@/lib/schemas/customers';
import { loadCustomer360 } from '../../services/customers/profile';
import { globalSearch } from '../../services/search/global-search';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/** Customer 360 and the header's search: every role, each within its own customers (see services/customers/scope). */
export const customersRouter = createTRPCRouter({
  get: protectedProcedure
    .input(customerAccountInput)
    .query(({ ctx, input }) => loadCustomer360(ctx.db, ctx.session, input.account)),
  search: protectedProcedure
    .input(globalSearchInput)
    .query(({ ctx, input }) => globalSearch(ctx.db, ctx.session, input)),
});
