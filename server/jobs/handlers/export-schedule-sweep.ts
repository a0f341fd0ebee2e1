import 'server-only';
import { claimDueRuns, dropExpiredFiles } from '../../services/export-schedules/due';
import type { JobHandler } from '../job-context';

/** Every minute: due schedules become runs (each with its job); expired files are dropped. */
export const handleExportScheduleSweep: JobHandler<'export-schedule-sweep'> = async (context) => {
  const now = new Date();
  await claimDueRuns(context.db, now);
  await dropExpiredFiles(context.db, now);
};
