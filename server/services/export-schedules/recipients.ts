import 'server-only';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';

/**
 * Whom an owner may send their exports to: a rep only themselves, a regional manager the users of
 * their region, a national manager, an analyst or an admin any active user. The rows themselves
 * are always the owner's (server/export/plan.ts), so a recipient never gets more than the owner sees.
 */
function inScope(owner: Pick<SessionUser, 'id' | 'role' | 'regionCode'>): SQL | undefined {
  if (owner.role === 'rep') return eq(users.id, owner.id);
  if (owner.role === 'manager' && owner.regionCode !== null) return eq(users.regionCode, owner.regionCode);
  return undefined;
}

export interface RecipientOption {
  id: number;
  name: string;
  email: string;
}

/** The active users the owner may choose as recipients, by name. */
export function recipientOptions(db: Db, owner: SessionUser): Promise<RecipientOption[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.active, true), inScope(owner)))
    .orderBy(asc(users.name), asc(users.id))
    .limit(500);
}

/** The ids of `ids` that are active users in the owner's scope now (a run re-checks before it sends). */
export async function recipientsInScope(
  db: Db,
  owner: Pick<SessionUser, 'id' | 'role' | 'regionCode'>,
  ids: readonly number[],
): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...ids]), eq(users.active, true), inScope(owner)));
  return rows.map((r) => r.id);
}

/** Refuses recipients outside the owner's scope, naming how many; an unknown id is refused alike. */
export async function assertRecipientsInScope(db: Db, owner: SessionUser, ids: readonly number[]): Promise<void> {
  const allowed = new Set(await recipientsInScope(db, owner, ids));
  const refused = ids.filter((id) => !allowed.has(id));
  if (refused.length === 0) return;
  const rule =
    owner.role === 'rep'
      ? 'a rep may send scheduled exports only to themselves'
      : owner.role === 'manager' && owner.regionCode !== null
        ? `you may send scheduled exports only to active users of your region (${owner.regionCode})`
        : 'recipients must be active users';
  throw new ApiError('bad_request', `recipientIds: ${refused.length} of the recipients cannot receive this: ${rule}.`);
}
