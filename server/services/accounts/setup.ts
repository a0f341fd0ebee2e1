import 'server-only';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword } from '../../auth/password';
import { assertPasswordPolicy } from '../../auth/password-policy';
import { ApiError } from '../../http/api-error';
import { recordAudit } from '../audit';
import { claimLinkToken, findLiveLinkToken, issueLinkToken, voidSetupLinks, type IssuedLink } from './link-tokens';

export const SETUP_PENDING_MESSAGE =
  'Holdfast is not set up yet: open the setup link printed by the server at start-up to create the first admin.';

const DEAD_SETUP_LINK = 'This setup link is not valid: it was already used, has expired or a newer one was printed. Restart the server for a new link.';

// Once an install has an admin who can sign in it stays set up (the last such admin cannot be
// demoted or deactivated), so only that answer is remembered, per database.
const setUp = new WeakSet<Db>();

/** True until there is an active admin with a password. */
export async function isSetupNeeded(db: Db): Promise<boolean> {
  if (setUp.has(db)) return false;
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), isNotNull(users.passwordHash)))
    .limit(1);
  if (admin) setUp.add(db);
  return !admin;
}

/** A fresh setup link; earlier ones stop working. Printed at start-up while setup is needed. */
export async function issueSetupLink(db: Db): Promise<IssuedLink> {
  return db.transaction(async (tx) => {
    const issued = await issueLinkToken(tx, { purpose: 'setup', userId: null, createdById: null });
    await recordAudit(tx, {
      actorId: null,
      action: 'setup.link_issued',
      entity: 'install',
      details: { expiresAt: issued.expiresAt.toISOString() },
    });
    return issued;
  });
}

/** Whether the setup page should show its form for this token. */
export async function isLiveSetupLink(db: Db, token: string): Promise<boolean> {
  const link = await findLiveLinkToken(db, token);
  return link?.purpose === 'setup';
}

/** Creates the first admin from the setup link, which is then used up with any other setup link. */
export async function completeSetup(db: Db, input: { token: string; email: string; name: string; password: string }) {
  if (!(await isLiveSetupLink(db, input.token))) throw new ApiError('bad_request', DEAD_SETUP_LINK);
  assertPasswordPolicy(input.password, input);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const link = await claimLinkToken(tx, input.token, ['setup']);
    if (!link) throw new ApiError('bad_request', DEAD_SETUP_LINK);
    if (!(await isSetupNeeded(tx))) throw new ApiError('conflict', 'Holdfast is already set up: sign in instead.');
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (taken) {
      throw new ApiError(
        'conflict',
        `A user with the email ${input.email} already exists: choose another email, or give that user a link with "npm run user -- reset --email ${input.email}".`,
      );
    }
    const [admin] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: 'admin', passwordHash })
      .returning({ id: users.id, email: users.email });
    if (!admin) throw new Error('admin not created');
    await voidSetupLinks(tx);
    await recordAudit(tx, {
      actorId: admin.id,
      action: 'setup.complete',
      entity: 'user',
      entityId: String(admin.id),
      details: { email: admin.email, role: 'admin' },
    });
    return admin;
  });
}
