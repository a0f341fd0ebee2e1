import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';

/** Whose customers an actor may look up: one region's, every region's, or nobody's. */
export type CustomerScope = { region: string } | 'all' | 'none';

/**
 * Reps and regional managers see the customers of their home region (a rep without one sees
 * none); national managers, analysts and admins see every customer.
 */
export function customerScope(actor: SessionUser): CustomerScope {
  switch (actor.role) {
    case 'rep':
      return actor.regionCode ? { region: actor.regionCode } : 'none';
    case 'manager':
      return actor.regionCode ? { region: actor.regionCode } : 'all';
    case 'analyst':
    case 'admin':
      return 'all';
  }
}

/** The scope as a condition on a customer's region column. */
export function regionInScope(scope: CustomerScope, regionColumn: SQL): SQL {
  if (scope === 'all') return sql`true`;
  if (scope === 'none') return sql`false`;
  return sql`${regionColumn} = ${scope.region}`;
}

export function customerNotFound(account: string): ApiError {
  return new ApiError('not_found', `Customer ${account} was not found.`);
}
