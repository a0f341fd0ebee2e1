import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { UpdateUserInput } from '@/lib/schemas/accounts';
import { recordAudit } from '../audit';
import { assertAnotherAdminRemains } from './last-admin';
import { assertRegionExists, lockUser, publicUser } from './load-user';

/** Changes a user's role, home region and team; role and scope take effect on their next request. */
export async function updateUser(db: Db, actorId: number, input: UpdateUserInput) {
  await assertRegionExists(db, input.regionCode);
  return db.transaction(async (tx) => {
    const before = await lockUser(tx, input.userId);
    if (input.role !== 'admin') await assertAnotherAdminRemains(tx, before);
    const [after] = await tx
      .update(users)
      .set({ role: input.role, regionCode: input.regionCode, team: input.team })
      .where(eq(users.id, input.userId))
      .returning();
    if (!after) throw new Error('user vanished inside its transaction');
    await recordAudit(tx, {
      actorId,
      action: 'user.update',
      entity: 'user',
      entityId: String(after.id),
      details: {
        before: { role: before.role, regionCode: before.regionCode, team: before.team },
        after: { role: after.role, regionCode: after.regionCode, team: after.team },
      },
    });
    return publicUser(after);
  });
}
