import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { outages } from '@/db/schema';
import { STEP_LABELS } from '@/lib/outage-targets';
import type { RecordMilestoneInput } from '@/lib/schemas/outage-response';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';
import { recordAudit } from '../audit';
import { getSettings } from '../settings';
import { assertMayManage, loadOutageForActor, STEP_COLUMNS } from './access';
import { assertNotInFuture, formatLocal, wallTimeToInstant } from './time';

export interface RecordedMilestone {
  step: RecordMilestoneInput['step'];
  at: string;
  previous: string | null;
}

/**
 * Records when a milestone happened: now (one click) or an exact time in the report time zone,
 * which also corrects an earlier entry. A time before the start or in the future is refused, and
 * so is a second "now" for a milestone already recorded (a double click must not move it).
 */
export async function recordMilestone(
  db: Db,
  actor: SessionUser,
  params: RecordMilestoneInput,
  now: Date = new Date(),
): Promise<RecordedMilestone> {
  assertMayManage(actor);
  return db.transaction(async (tx) => {
    const outage = await loadOutageForActor(tx, actor, params.ref, { lock: 'update' });
    const { reportTz } = await getSettings(tx);
    const label = STEP_LABELS[params.step];
    const column = STEP_COLUMNS[params.step];
    const previous = outage[column];
    if (!params.at && previous) {
      throw new ApiError(
        'conflict',
        `${label} was already recorded at ${formatLocal(previous, reportTz)}; to correct it, give the exact time.`,
        { key: 'milestoneRecorded', params: { milestone: params.step, at: formatLocal(previous, reportTz) } },
      );
    }
    const at = params.at ? await wallTimeToInstant(tx, params.at, reportTz) : now;
    assertNotInFuture(at, now, label, reportTz, params.step);
    if (at < outage.startedAt) {
      throw new ApiError(
        'bad_request',
        `${label} cannot be before the outage started: ${formatLocal(at, reportTz)} is earlier than the start, ` +
          `${formatLocal(outage.startedAt, reportTz)} (${reportTz}).`,
        {
          key: 'milestoneBeforeStart',
          params: {
            milestone: params.step,
            at: formatLocal(at, reportTz),
            start: formatLocal(outage.startedAt, reportTz),
            timezone: reportTz,
          },
        },
      );
    }
    await tx
      .update(outages)
      .set({ [column]: at })
      .where(eq(outages.id, outage.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'outage.milestone',
      entity: 'outage',
      entityId: outage.outageRef,
      details: { step: params.step, from: previous?.toISOString() ?? null, to: at.toISOString() },
    });
    return { step: params.step, at: at.toISOString(), previous: previous?.toISOString() ?? null };
  });
}
