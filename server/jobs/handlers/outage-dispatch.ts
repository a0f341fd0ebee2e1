import 'server-only';
import { adaptersFromEnv } from '../../services/outage-comms/adapters';
import { runDispatch } from '../../services/outage-comms/run-dispatch';
import type { JobHandler } from '../job-context';

/** An outage's SMS or unlimited data, batch by batch; a failed batch fails the job so pg-boss retries it. */
export const handleOutageDispatch: JobHandler<'outage-dispatch'> = async (context, payload) => {
  await runDispatch(context.db, context.outageComms ?? adaptersFromEnv(), payload);
};
