import 'server-only';
import {
  compensateAllInput,
  createOutageInput,
  customerCompensationInput,
  outageRefInput,
  recordMilestoneInput,
} from '@/lib/schemas/outage-response';
import { outageTargets } from '@/lib/outage-targets';
import { outageEffect } from '../../metrics/outage-effect';
import { compensateAll, customerOutageCompensation, outageCompensation } from '../../services/outages/compensation';
import { createOutage } from '../../services/outages/create';
import { getOutage, outageFormOptions } from '../../services/outages/details';
import { recordMilestone } from '../../services/outages/milestones';
import { getSettings } from '../../services/settings';
import { dashboardProcedure } from '../dashboard-procedure';
import { createTRPCRouter, roleProcedure } from '../trpc';

/** Analysts read outages; the services also refuse them every change and scope regional managers. */
const reader = roleProcedure('manager', 'analyst', 'admin');
const manager = roleProcedure('manager', 'admin');

export const outageResponseRouter = createTRPCRouter({
  /** Minutes from the start by which each milestone should happen (settings). */
  targets: reader.query(async ({ ctx }) => {
    const settings = await getSettings(ctx.db);
    return outageTargets(settings.milestoneTargetMinutes, settings.commTargetMinutes);
  }),
  formOptions: manager.query(({ ctx }) => outageFormOptions(ctx.db, ctx.session)),
  get: reader.input(outageRefInput).query(({ ctx, input }) => getOutage(ctx.db, ctx.session, input)),
  compensation: reader.input(outageRefInput).query(({ ctx, input }) => outageCompensation(ctx.db, ctx.session, input)),
  /** One affected customer: the legal minimum with its explanation, what was issued, what is still owed. */
  customerCompensation: reader
    .input(customerCompensationInput)
    .query(({ ctx, input }) => customerOutageCompensation(ctx.db, ctx.session, input)),

  create: manager.input(createOutageInput).mutation(({ ctx, input }) => createOutage(ctx.db, ctx.session, input)),
  recordMilestone: manager
    .input(recordMilestoneInput)
    .mutation(({ ctx, input }) => recordMilestone(ctx.db, ctx.session, input)),
  compensateAll: manager
    .input(compensateAllInput)
    .mutation(({ ctx, input }) => compensateAll(ctx.db, ctx.session, input)),

  /** Across the outages started in the period: their effect on affected customers against the rest. */
  effect: dashboardProcedure.query(({ ctx }) => outageEffect(ctx.db, { period: ctx.period, region: ctx.scope.region })),
});
