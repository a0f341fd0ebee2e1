import 'server-only';
import { importRunInput } from '@/lib/schemas/admin-imports';
import { getImportRun, importColumnHints, listImportRuns } from '../../import/import-run';
import { getSettings } from '../../services/settings';
import { createTRPCRouter, roleProcedure } from '../trpc';

/** The admin import screen: column hints, the history and one run's report. Uploads go to /api/v1/admin/imports. */
export const importsRouter = createTRPCRouter({
  entities: roleProcedure('admin').query(() => importColumnHints()),
  runs: roleProcedure('admin').query(async ({ ctx }) => ({
    timezone: (await getSettings(ctx.db)).reportTz,
    runs: await listImportRuns(ctx.db, 50),
  })),
  run: roleProcedure('admin')
    .input(importRunInput)
    .query(async ({ ctx, input }) => ({
      timezone: (await getSettings(ctx.db)).reportTz,
      run: await getImportRun(ctx.db, input.id),
    })),
});
