import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { pinnedRegion } from '../../auth/rbac';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';

/** The reps a manager may hand disputes to: active reps of their region, or every active rep for a national manager. */
export async function listAssignees(db: Db, viewer: SessionUser) {
  if (viewer.role !== 'manager')
    throw new ApiError('forbidden', 'Only managers assign disputes.', { key: 'assignRole' });
  const region = pinnedRegion(viewer);
  return db
    .select({ email: users.email, name: users.name, regionCode: users.regionCode })
    .from(users)
    .where(
      and(eq(users.role, 'rep'), eq(users.active, true), region === null ? undefined : eq(users.regionCode, region)),
    )
    .orderBy(asc(users.name), asc(users.email));
}
