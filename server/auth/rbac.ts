import type { Role } from '@/lib/vocabularies';
import type { SessionUser } from './session-user';

export function hasRole(user: SessionUser, ...roles: Role[]): boolean {
  return roles.includes(user.role);
}

/**
 * The region a manager's figures are pinned to: their home region, or null (all regions) for a
 * national manager. Reps are pinned to themselves instead (see pinnedRep).
 */
export function pinnedRegion(user: SessionUser): string | null {
  return user.role === 'manager' ? user.regionCode : null;
}

/** A rep sees only their own figures and cases. */
export function pinnedRep(user: SessionUser): string | null {
  return user.role === 'rep' ? user.email : null;
}
