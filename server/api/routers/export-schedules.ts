import 'server-only';
import {
  exportScheduleCreateSchema,
  exportScheduleEnableSchema,
  exportScheduleIdSchema,
  exportScheduleRunsSchema,
  exportScheduleUpdateSchema,
} from '@/lib/schemas/export-schedules';
import { runScheduleNow } from '../../services/export-schedules/due';
import { recipientOptions } from '../../services/export-schedules/recipients';
import {
  createSchedule,
  listScheduleRuns,
  listSchedules,
  removeSchedule,
  setScheduleEnabled,
  updateSchedule,
} from '../../services/export-schedules/schedules';
import { createTRPCRouter, roleProcedure } from '../trpc';

/** Those who may export (server/export/plan.ts EXPORT_ROLES) may schedule; each sees and changes only their own. */
const scheduler = roleProcedure('manager', 'analyst', 'admin');

export const exportSchedulesRouter = createTRPCRouter({
  list: scheduler.query(({ ctx }) => listSchedules(ctx.db, ctx.session)),
  recipientOptions: scheduler.query(({ ctx }) => recipientOptions(ctx.db, ctx.session)),
  runs: scheduler.input(exportScheduleRunsSchema).query(({ ctx, input }) => listScheduleRuns(ctx.db, ctx.session, input.id)),
  create: scheduler.input(exportScheduleCreateSchema).mutation(({ ctx, input }) => createSchedule(ctx.db, ctx.session, input)),
  update: scheduler.input(exportScheduleUpdateSchema).mutation(({ ctx, input }) => updateSchedule(ctx.db, ctx.session, input)),
  setEnabled: scheduler
    .input(exportScheduleEnableSchema)
    .mutation(({ ctx, input }) => setScheduleEnabled(ctx.db, ctx.session, input.id, input.enabled)),
  runNow: scheduler.input(exportScheduleIdSchema).mutation(({ ctx, input }) => runScheduleNow(ctx.db, ctx.session, input.id)),
  remove: scheduler.input(exportScheduleIdSchema).mutation(({ ctx, input }) => removeSchedule(ctx.db, ctx.session, input.id)),
});
