import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword } from '../../auth/password';
import { assertPasswordPolicy } from '../../auth/password-policy';
import { endAllSessionsOf } from '../../auth/user-sessions';
import { ApiError } from '../../http/api-error';
import { recordAudit } from '../audit';
import { claimLinkToken, findLiveLinkToken, issueLinkToken, type IssuedLink } from './link-tokens';

const DEAD_LINK = 'This link is not valid: it was already used, has expired or was replaced by a newer one. Ask an administrator for a new link.';

/**
 * Issues a set-password link for an active user: an invite when they have no password yet, a
 * reset otherwise. Earlier unused links of theirs stop working. The current password keeps working
 * until the link is used; deactivate the account to lock someone out at once.
 */
export async function issuePasswordLink(db: Db, actorId: number | null, userId: number): Promise<IssuedLink & { email: string }> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new ApiError('not_found', 'No such user.');
    if (!user.active) throw new ApiError('conflict', 'This account is deactivated: reactivate it first.');
    const issued = await issueLinkToken(tx, { purpose: user.passwordHash ? 'reset' : 'invite', userId, createdById: actorId });
    await recordAudit(tx, {
      actorId,
      action: 'user.link_issued',
      entity: 'user',
      entityId: String(userId),
      details: { purpose: issued.purpose, expiresAt: issued.expiresAt.toISOString() },
    });
    return { ...issued, email: user.email };
  });
}

/** Whose live set-password link this is, to show the form; null when the link is dead. */
export async function findPasswordLink(db: Db, token: string) {
  const link = await findLiveLinkToken(db, token);
  if (!link || link.purpose === 'setup' || link.userId === null) return null;
  const [user] = await db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.id, link.userId), eq(users.active, true)));
  return user ? { ...user, purpose: link.purpose } : null;
}

/** Sets the password of the link's user, uses the link up and ends every session of that user. */
export async function setPasswordWithLink(db: Db, token: string, password: string): Promise<{ email: string }> {
  const person = await findPasswordLink(db, token);
  if (!person) throw new ApiError('bad_request', DEAD_LINK);
  assertPasswordPolicy(password, person);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const link = await claimLinkToken(tx, token, ['invite', 'reset']);
    if (!link?.userId) throw new ApiError('bad_request', DEAD_LINK);
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, link.userId), eq(users.active, true)))
      .returning({ id: users.id, email: users.email });
    if (!user) throw new ApiError('bad_request', DEAD_LINK);
    await endAllSessionsOf(tx, user.id);
    await recordAudit(tx, {
      actorId: user.id,
      action: 'user.password_set',
      entity: 'user',
      entityId: String(user.id),
      details: { via: link.purpose },
    });
    return { email: user.email };
  });
}
