import 'server-only';
import type { Db } from '@/db/client';
import {
  churnedCustomersSchema,
  compensationCasesSchema,
  disputeCasesSchema,
  retentionCasesSchema,
} from '@/lib/schemas/cases';
import type { SessionUser } from '../../auth/session-user';
import { FIGURE_READERS, resolveKpiScope } from '../../metrics/scope';
import { listChurnedCustomers } from '../../services/drilldown/churned-customers';
import { listCompensations } from '../../services/drilldown/compensations';
import { listDisputes } from '../../services/drilldown/disputes';
import { listRetentionCases } from '../../services/drilldown/retention-cases';
import { getSettings } from '../../services/settings';
import { createTRPCRouter, roleProcedure } from '../trpc';

const readers = roleProcedure(...FIGURE_READERS);

/**
 * The input with region and rep replaced by the caller's scope (a regional manager asking for
 * another region gets FORBIDDEN) and the period in the report time zone.
 */
async function scoped<T extends { from: string; to: string; region: string | null; rep: string | null }>(
  db: Db,
  session: SessionUser,
  input: T,
) {
  const [scope, settings] = await Promise.all([resolveKpiScope(db, session, input), getSettings(db)]);
  return { ...input, ...scope, period: { from: input.from, to: input.to, tz: settings.reportTz } };
}

/** The rows behind the dashboard's figures, one page at a time. */
export const casesRouter = createTRPCRouter({
  disputes: readers
    .input(disputeCasesSchema)
    .query(async ({ ctx, input }) => listDisputes(ctx.db, await scoped(ctx.db, ctx.session, input))),

  retentionCases: readers
    .input(retentionCasesSchema)
    .query(async ({ ctx, input }) => listRetentionCases(ctx.db, await scoped(ctx.db, ctx.session, input))),

  churnedCustomers: readers
    .input(churnedCustomersSchema)
    .query(async ({ ctx, input }) => listChurnedCustomers(ctx.db, await scoped(ctx.db, ctx.session, input))),

  compensations: readers
    .input(compensationCasesSchema)
    .query(async ({ ctx, input }) => listCompensations(ctx.db, await scoped(ctx.db, ctx.session, input))),
});
