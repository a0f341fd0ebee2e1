import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { CreateUserInput } from '@/lib/schemas/accounts';
import { ApiError } from '../../http/api-error';
import { recordAudit } from '../audit';
import { issueLinkToken } from './link-tokens';
import { assertRegionExists, publicUser } from './load-user';

/**
 * Creates a staff account without a password and its invite link (shown once): the person sets
 * their own password at /set-password. `actorId` is null when an operator runs the CLI.
 */
export async function createUser(db: Db, actorId: number | null, input: CreateUserInput) {
  await assertRegionExists(db, input.regionCode);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (taken) {
      throw new ApiError('conflict', `A user with the email ${input.email} already exists.`, {
        key: 'emailTaken',
        params: { email: input.email },
      });
    }
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, regionCode: input.regionCode, team: input.team })
      .returning();
    if (!row) throw new Error('user not created');
    const user = publicUser(row);
    const invite = await issueLinkToken(tx, { purpose: 'invite', userId: row.id, createdById: actorId });
    await recordAudit(tx, {
      actorId,
      action: 'user.create',
      entity: 'user',
      entityId: String(row.id),
      details: { email: user.email, role: user.role, regionCode: user.regionCode, team: user.team },
    });
    await recordAudit(tx, {
      actorId,
      action: 'user.link_issued',
      entity: 'user',
      entityId: String(row.id),
      details: { purpose: invite.purpose, expiresAt: invite.expiresAt.toISOString() },
    });
    return { user, ...invite };
  });
}
