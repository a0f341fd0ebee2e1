import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { endAllSessionsOf } from '../../auth/user-sessions';
import { ApiError } from '../../http/api-error';
import { recordAudit } from '../audit';
import { assertAnotherAdminRemains } from './last-admin';
import { voidLinksOf } from './link-tokens';
import { lockUser, publicUser } from './load-user';

/** Deactivates a user: their sessions end, their API tokens and unused links stop working at once. */
export async function deactivateUser(db: Db, actorId: number, userId: number) {
  if (actorId === userId) {
    throw new ApiError('conflict', 'You cannot deactivate your own account.', { key: 'deactivateSelf' });
  }
  return db.transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    if (!before.active) return publicUser(before);
    await assertAnotherAdminRemains(tx, before);
    const [after] = await tx.update(users).set({ active: false }).where(eq(users.id, userId)).returning();
    if (!after) throw new Error('user vanished inside its transaction');
    await endAllSessionsOf(tx, userId);
    await voidLinksOf(tx, userId);
    await recordAudit(tx, { actorId, action: 'user.deactivate', entity: 'user', entityId: String(userId), details: { email: after.email } });
    return publicUser(after);
  });
}

/** Lets a deactivated user sign in again with their password (their API tokens stay revoked). */
export async function reactivateUser(db: Db, actorId: number, userId: number) {
  return db.transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    if (before.active) return publicUser(before);
    const [after] = await tx.update(users).set({ active: true }).where(eq(users.id, userId)).returning();
    if (!after) throw new Error('user vanished inside its transaction');
    await recordAudit(tx, { actorId, action: 'user.reactivate', entity: 'user', entityId: String(userId), details: { email: after.email } });
    return publicUser(after);
  });
}
