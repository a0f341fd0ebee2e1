import 'server-only';
import { sql } from 'drizzle-orm';
import { authSecret } from '../../auth/secret';
import { env } from '../../env';
import { executeRun, PermanentRunFailure } from '../../services/export-schedules/run';
import type { JobHandler } from '../job-context';

/**
 * One scheduled export run: the file in its owner's scope, then the recipients' emails. A failure
 * no retry can fix (no SMTP, an owner who may no longer export) fails the job at once: its retry
 * limit is lowered to the attempts made, so pg-boss records it failed instead of retrying.
 */
export const handleScheduledExport: JobHandler<'scheduled-export'> = async (context, { runId }, job) => {
  try {
    await executeRun(
      {
        db: context.db,
        mailer: context.mailer,
        appUrl: context.appUrl,
        secret: authSecret(),
        linkDays: env.HOLDFAST_EXPORT_LINK_DAYS,
      },
      runId,
    );
  } catch (error) {
    if (error instanceof PermanentRunFailure) {
      await context.db.execute(
        sql`update pgboss.job set retry_limit = retry_count where name = 'scheduled-export' and id = ${job.id}::uuid`,
      );
    }
    throw error;
  }
};
