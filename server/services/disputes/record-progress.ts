import 'server-only';
import type { Db } from '@/db/client';
import { canRecordFinding, isClosedStatus } from '@/lib/dispute-status';
import type { NotificationChannel } from '@/lib/vocabularies';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';
import { getSettings } from '../settings';
import { loadDisputeForChange } from './access';
import { commitDisputeChange, diff } from './change';

interface Target {
  ref: string;
  version: number;
}

/** A little clock skew between the browser and the server is not "in the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

const nothingToChange = (what: 'finding' | 'recalculation') =>
  new ApiError('bad_request', `Nothing to change: this ${what} is already recorded.`, {
    key: what === 'finding' ? 'nothingToChangeFinding' : 'nothingToChangeRecalculation',
  });

/** The decision the field asks for first: was the charge undue, and why. */
export async function recordFinding(
  db: Db,
  actor: SessionUser,
  params: Target & { undueCharge: boolean; undueReason: string | null },
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const dispute = await loadDisputeForChange(tx, actor, params);
    if (!canRecordFinding(dispute.status)) {
      throw new ApiError(
        'bad_request',
        `The finding can change only while the dispute is open or under investigation (it is ${dispute.status}).`,
        { key: 'findingLocked', params: { status: dispute.status } },
      );
    }
    const after = { undueCharge: params.undueCharge, undueReason: params.undueReason };
    const changes = diff(dispute, after);
    if (Object.keys(changes).length === 0) throw nothingToChange('finding');
    return commitDisputeChange(tx, actor, dispute, {
      expectedVersion: params.version,
      set: after,
      kind: 'finding_recorded',
      changes,
      at: new Date(),
    });
  });
}

/** The recalculation billing was asked for: its reference and when it should be done. */
export async function recordRecalculation(
  db: Db,
  actor: SessionUser,
  params: Target & { recalculationRef: string; expectedResolutionOn: string },
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const dispute = await loadDisputeForChange(tx, actor, params);
    if (isClosedStatus(dispute.status)) {
      throw new ApiError(
        'bad_request',
        `The dispute is ${dispute.status}; reopen it before requesting a recalculation.`,
        { key: 'reopenBeforeRecalculation', params: { status: dispute.status } },
      );
    }
    if (dispute.undueCharge !== true) {
      throw new ApiError('bad_request', 'Record that the charge was undue before requesting a recalculation.', {
        key: 'recalculationNeedsUndue',
      });
    }
    const { reportTz } = await getSettings(tx);
    const openedOn = dispute.openedAt.toLocaleDateString('en-CA', { timeZone: reportTz });
    if (params.expectedResolutionOn < openedOn) {
      throw new ApiError(
        'bad_request',
        `The expected resolution date is before the dispute was opened (${openedOn}).`,
        {
          key: 'expectedBeforeOpened',
          params: { date: openedOn },
        },
      );
    }
    const after = { recalculationRef: params.recalculationRef, expectedResolutionOn: params.expectedResolutionOn };
    const changes = diff(dispute, after);
    if (Object.keys(changes).length === 0) throw nothingToChange('recalculation');
    return commitDisputeChange(tx, actor, dispute, {
      expectedVersion: params.version,
      set: after,
      kind: 'recalculation_requested',
      changes,
      at: new Date(),
    });
  });
}

/** When and how the customer was told the outcome (or the progress) of their dispute. */
export async function recordCustomerNotified(
  db: Db,
  actor: SessionUser,
  params: Target & { channel: NotificationChannel; at?: Date | undefined },
): Promise<{ version: number }> {
  const now = new Date();
  const notifiedAt = params.at ?? now;
  if (notifiedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new ApiError('bad_request', 'The time the customer was told is in the future.', { key: 'toldInFuture' });
  }
  return db.transaction(async (tx) => {
    const dispute = await loadDisputeForChange(tx, actor, params);
    if (notifiedAt < dispute.openedAt) {
      throw new ApiError('bad_request', 'The customer cannot have been told before the dispute was opened.', {
        key: 'toldBeforeOpened',
      });
    }
    const after = { customerNotifiedAt: notifiedAt, customerNotifiedChannel: params.channel };
    return commitDisputeChange(tx, actor, dispute, {
      expectedVersion: params.version,
      set: after,
      kind: 'customer_notified',
      changes: diff(dispute, after),
      at: now,
    });
  });
}

export async function addNote(
  db: Db,
  actor: SessionUser,
  params: Target & { note: string },
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const dispute = await loadDisputeForChange(tx, actor, params);
    return commitDisputeChange(tx, actor, dispute, {
      expectedVersion: params.version,
      kind: 'note',
      note: params.note,
      at: new Date(),
    });
  });
}
