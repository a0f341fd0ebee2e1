import 'server-only';
import { eq, sql, type SQL } from 'drizzle-orm';
import { customers } from '@/db/schema';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';

/** Whose customers an actor may log retention calls for. */
export type CallScope = { region: string } | 'all' | 'none';

/**
 * A rep works the customers of their home region (none without one); a regional manager theirs,
 * a national manager and an admin every region. Analysts log nothing.
 */
export function callScope(actor: SessionUser): CallScope {
  switch (actor.role) {
    case 'rep':
      return actor.regionCode ? { region: actor.regionCode } : 'none';
    case 'manager':
      return actor.regionCode ? { region: actor.regionCode } : 'all';
    case 'admin':
      return 'all';
    case 'analyst':
      return 'none';
  }
}

/** The customers in scope, as a condition on `customers`. */
export function customerInScope(scope: CallScope): SQL | undefined {
  if (scope === 'all') return undefined;
  if (scope === 'none') return sql`false`;
  return eq(customers.regionCode, scope.region);
}

export function inScope(scope: CallScope, regionCode: string): boolean {
  return scope === 'all' || (scope !== 'none' && scope.region === regionCode);
}

/**
 * Whether the actor may see and close a retention case: a rep their own cases, a manager the cases
 * of customers in their region (every region for a national manager), an admin all. The customer's
 * region decides, not the rep's: a case belongs to the region of the customer it is about.
 */
export function mayHandleCase(actor: SessionUser, found: { repId: number; customerRegion: string }): boolean {
  switch (actor.role) {
    case 'rep':
      return found.repId === actor.id;
    case 'manager':
    case 'admin':
      return inScope(callScope(actor), found.customerRegion);
    case 'analyst':
      return false;
  }
}

/** Analysts read; they never change a case (checked here as well as in the procedures). */
export function assertMayLogCalls(actor: SessionUser): void {
  if (actor.role === 'analyst') throw new ApiError('forbidden', 'Analysts have read-only access.');
}
