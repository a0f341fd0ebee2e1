import 'server-only';
import type { Db } from '@/db/client';
import type { StartDispatchInput } from '@/lib/schemas/outage-comms';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';
import { enqueueJob } from '../../jobs/enqueue';
import { recordAudit } from '../audit';
import { assertMayManage, loadOutageForActor } from '../outages/access';
import { currentOutageText } from './texts';

export interface StartedDispatch {
  /** False when a send of this outage and channel is already waiting or running. */
  queued: boolean;
}

/**
 * "Send SMS" / "Unlimited data": queues the outage's dispatch job (one per outage and channel
 * at a time). The SMS goes out with the current SMS text; customers already served are skipped
 * by the job, so a second click only reaches those added since.
 */
export async function startDispatch(
  db: Db,
  actor: SessionUser,
  input: StartDispatchInput,
  options: { provisioningConfigured: boolean },
): Promise<StartedDispatch> {
  assertMayManage(actor);
  return db.transaction(async (tx) => {
    const outage = await loadOutageForActor(tx, actor, input.ref);
    let textId: number | undefined;
    if (input.channel === 'sms') {
      const text = await currentOutageText(tx, outage.id, 'sms');
      if (!text) throw new ApiError('bad_request', 'Write the SMS text first: there is nothing to send.');
      textId = text.id;
    } else if (!options.provisioningConfigured) {
      throw new ApiError(
        'bad_request',
        'Unlimited data needs the provisioning webhook: an administrator sets PROVISIONING_WEBHOOK_URL.',
      );
    }
    const jobId = await enqueueJob(tx, 'outage-dispatch', {
      outageId: outage.id,
      channel: input.channel,
      requestedBy: actor.id,
      ...(textId === undefined ? {} : { textId }),
    });
    if (jobId !== null) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: input.channel === 'sms' ? 'outage.sms_send' : 'outage.unlimited_data',
        entity: 'outage',
        entityId: outage.outageRef,
        details: textId === undefined ? {} : { textId },
      });
    }
    return { queued: jobId !== null };
  });
}
