import 'server-only';
import {
  addNoteInput,
  bulkReassignInput,
  bulkTransitionInput,
  escalateToRetentionInput,
  getDisputeCaseInput,
  issueCreditInput,
  recordCustomerNotifiedInput,
  recordFindingInput,
  recordRecalculationInput,
  transitionInput,
} from '@/lib/schemas/dispute-case';
import { bulkReassign, bulkTransition } from '../../services/disputes/bulk';
import { getDisputeCase } from '../../services/disputes/case';
import { issueCredit } from '../../services/disputes/credit';
import { addNote, recordCustomerNotified, recordFinding, recordRecalculation } from '../../services/disputes/record-progress';
import { escalateToRetention } from '../../services/disputes/escalate';
import { transitionDispute } from '../../services/disputes/transition';
import { createTRPCRouter, protectedProcedure, roleProcedure } from '../trpc';

/** Analysts read cases; the services also scope every change to the actor's own disputes or region. */
const changer = roleProcedure('rep', 'manager', 'admin');
const manager = roleProcedure('manager', 'admin');

export const disputeCaseRouter = createTRPCRouter({
  get: protectedProcedure
    .input(getDisputeCaseInput)
    .query(({ ctx, input }) => getDisputeCase(ctx.db, ctx.session, input)),
  transition: changer
    .input(transitionInput)
    .mutation(({ ctx, input }) => transitionDispute(ctx.db, ctx.session, input)),
  recordFinding: changer
    .input(recordFindingInput)
    .mutation(({ ctx, input }) => recordFinding(ctx.db, ctx.session, input)),
  recordRecalculation: changer
    .input(recordRecalculationInput)
    .mutation(({ ctx, input }) => recordRecalculation(ctx.db, ctx.session, input)),
  recordCustomerNotified: changer
    .input(recordCustomerNotifiedInput)
    .mutation(({ ctx, input }) => recordCustomerNotified(ctx.db, ctx.session, input)),
  addNote: changer.input(addNoteInput).mutation(({ ctx, input }) => addNote(ctx.db, ctx.session, input)),
  issueCredit: changer.input(issueCreditInput).mutation(({ ctx, input }) => issueCredit(ctx.db, ctx.session, input)),
  escalateToRetention: changer
    .input(escalateToRetentionInput)
    .mutation(({ ctx, input }) => escalateToRetention(ctx.db, ctx.session, input)),
  bulkReassign: manager.input(bulkReassignInput).mutation(({ ctx, input }) => bulkReassign(ctx.db, ctx.session, input)),
  bulkTransition: manager
    .input(bulkTransitionInput)
    .mutation(({ ctx, input }) => bulkTransition(ctx.db, ctx.session, input)),
});
