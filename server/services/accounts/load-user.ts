import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { regions, users } from '@/db/schema';
import { ApiError } from '../../http/api-error';

export type UserRow = typeof users.$inferSelect;

/** The user row, locked for the rest of the transaction; 404 when there is none. */
export async function lockUser(tx: Db, userId: number): Promise<UserRow> {
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!row) throw new ApiError('not_found', 'No such user.', { key: 'userNotFound' });
  return row;
}

/** A clear 400 instead of a foreign-key failure. */
export async function assertRegionExists(db: Db, regionCode: string | null): Promise<void> {
  if (regionCode === null) return;
  const [row] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, regionCode));
  if (!row) {
    throw new ApiError('bad_request', `There is no region "${regionCode}".`, {
      key: 'unknownRegion',
      params: { region: regionCode },
    });
  }
}

/** What the admin screens and the audit log show of a user; never the password hash. */
export function publicUser(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    regionCode: row.regionCode,
    team: row.team,
    active: row.active,
    canSignIn: row.passwordHash !== null,
  };
}
