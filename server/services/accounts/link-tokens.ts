import 'server-only';
import crypto from 'node:crypto';
import { and, eq, gt, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { oneTimeTokens } from '@/db/schema';
import { env } from '../../env';

export type LinkPurpose = (typeof oneTimeTokens.$inferSelect)['purpose'];

/** How long each kind of one-time link stays usable. */
export const LINK_LIFETIME_HOURS: Record<LinkPurpose, number> = { setup: 24, invite: 7 * 24, reset: 24 };

const LINK_PATH: Record<LinkPurpose, string> = { setup: '/setup', invite: '/set-password', reset: '/set-password' };

/** Links carry 256 random bits, so a fast hash is enough: there is nothing to brute-force. */
export function hashLinkToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function linkUrl(purpose: LinkPurpose, token: string): string {
  const base = (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return `${base}${LINK_PATH[purpose]}?token=${token}`;
}

export interface IssuedLink {
  purpose: LinkPurpose;
  link: string;
  expiresAt: Date;
}

/**
 * Stores a new one-time link (its hash only) and voids the earlier unused links of the same user,
 * or the earlier setup links. Returns the link, which exists only in this answer.
 */
export async function issueLinkToken(
  db: Db,
  params: { purpose: LinkPurpose; userId: number | null; createdById: number | null; now?: Date },
): Promise<IssuedLink> {
  const now = params.now ?? new Date();
  const earlier =
    params.userId === null ? eq(oneTimeTokens.purpose, 'setup') : eq(oneTimeTokens.userId, params.userId);
  await voidLinks(db, earlier, now);
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_HOURS[params.purpose] * 3_600_000);
  await db.insert(oneTimeTokens).values({
    purpose: params.purpose,
    userId: params.userId,
    tokenHash: hashLinkToken(token),
    createdById: params.createdById,
    createdAt: now,
    expiresAt,
  });
  return { purpose: params.purpose, link: linkUrl(params.purpose, token), expiresAt };
}

/** Voids the unused links of a user (deactivation, a password change). */
export async function voidLinksOf(db: Db, userId: number, now = new Date()): Promise<void> {
  await voidLinks(db, eq(oneTimeTokens.userId, userId), now);
}

/** Voids every unused setup link (setup is done). */
export async function voidSetupLinks(db: Db, now = new Date()): Promise<void> {
  await voidLinks(db, eq(oneTimeTokens.purpose, 'setup'), now);
}

async function voidLinks(db: Db, which: SQL, now: Date): Promise<void> {
  // Voided by expiry, so used_at keeps meaning "this link was used".
  await db
    .update(oneTimeTokens)
    .set({ expiresAt: now })
    .where(and(which, isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now)));
}

/**
 * Marks a live link of one of the purposes as used and returns it, or null when it is unknown, used
 * or expired. A single UPDATE, so two requests with the same link cannot both succeed.
 */
export async function claimLinkToken(db: Db, token: string, purposes: readonly LinkPurpose[], now = new Date()) {
  const [row] = await db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashLinkToken(token)),
        inArray(oneTimeTokens.purpose, [...purposes]),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, now),
      ),
    )
    .returning({ id: oneTimeTokens.id, purpose: oneTimeTokens.purpose, userId: oneTimeTokens.userId });
  return row ?? null;
}

/** The live link for this token, without using it (to show the form). */
export async function findLiveLinkToken(db: Db, token: string, now = new Date()) {
  const [row] = await db
    .select({ id: oneTimeTokens.id, purpose: oneTimeTokens.purpose, userId: oneTimeTokens.userId })
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.tokenHash, hashLinkToken(token)), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now)));
  return row ?? null;
}
