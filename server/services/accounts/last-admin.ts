import 'server-only';
import { and, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { ApiError } from '../../http/api-error';

/**
 * Refuses to take away the last active admin who can sign in: without one, nobody could manage
 * accounts and the install would fall back to first-run setup. Locks the other admins' rows so two
 * admins demoting each other at once cannot both succeed. Call it inside the change's transaction.
 */
export async function assertAnotherAdminRemains(
  tx: Db,
  target: { id: number; role: string; active: boolean; passwordHash: string | null },
): Promise<void> {
  if (target.role !== 'admin' || !target.active || target.passwordHash === null) return;
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), isNotNull(users.passwordHash), ne(users.id, target.id)))
    .for('update');
  if (others.length === 0) {
    throw new ApiError(
      'conflict',
      'This is the last active admin who can sign in: first make another user an admin and let them set a password.',
      { key: 'lastAdmin' },
    );
  }
}
