import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword, verifyPassword } from '../../auth/password';
import { assertPasswordPolicy } from '../../auth/password-policy';
import { endAllSessionsOf } from '../../auth/user-sessions';
import { ApiError } from '../../http/api-error';
import { recordAudit } from '../audit';
import { voidLinksOf } from './link-tokens';

/**
 * A signed-in user replaces their own password. Every session (this one too) and every API token
 * of theirs ends, and unused set-password links stop working.
 */
export async function changeOwnPassword(db: Db, userId: number, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user?.active) throw new ApiError('unauthorized', 'Sign in first.');
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ApiError('bad_request', 'Your current password is not right.');
  }
  if (input.newPassword === input.currentPassword) {
    throw new ApiError('bad_request', 'Choose a new password, different from the current one.');
  }
  assertPasswordPolicy(input.newPassword, user);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await endAllSessionsOf(tx, userId);
    await voidLinksOf(tx, userId);
    await recordAudit(tx, { actorId: userId, action: 'user.password_change', entity: 'user', entityId: String(userId) });
  });
}
