import 'server-only';
import { authSecret } from '../../auth/secret';
import { env } from '../../env';
import { executeRun } from '../../services/export-schedules/run';
import type { JobHandler } from '../job-context';

/** One scheduled export run: the file in its owner's scope, then the recipients' emails. */
export const handleScheduledExport: JobHandler<'scheduled-export'> = (context, { runId }) =>
  executeRun(
    {
      db: context.db,
      mailer: context.mailer,
      appUrl: context.appUrl,
      secret: authSecret(),
      linkDays: env.HOLDFAST_EXPORT_LINK_DAYS,
    },
    runId,
  );
