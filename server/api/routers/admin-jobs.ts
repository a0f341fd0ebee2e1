import 'server-only';
import { retryJobInput } from '@/lib/schemas/admin-jobs';
import { recordAudit } from '../../services/audit';
import { jobsOverview, retryFailedJob } from '../../services/jobs-admin/overview';
import { createTRPCRouter, roleProcedure } from '../trpc';

/** /admin/jobs: queues with their counts, the latest failures, and retrying one. Admins only. */
export const adminJobsRouter = createTRPCRouter({
  overview: roleProcedure('admin').query(({ ctx }) => jobsOverview(ctx.db)),
  retry: roleProcedure('admin')
    .input(retryJobInput)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        await retryFailedJob(tx, input);
        await recordAudit(tx, {
          actorId: ctx.session.id,
          action: 'job.retry',
          entity: 'job',
          entityId: input.id,
          details: { queue: input.queue },
        });
      }),
    ),
});
