import 'server-only';
import type { Db } from '@/db/client';
import { endBrowserSessionsOf } from '../../auth/user-sessions';
import { recordAudit } from '../audit';

/** Ends every browser session of the user, on every device; their API tokens keep working. */
export async function signOutEverywhere(db: Db, userId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await endBrowserSessionsOf(tx, userId);
    await recordAudit(tx, { actorId: userId, action: 'user.sign_out_everywhere', entity: 'user', entityId: String(userId) });
  });
}
