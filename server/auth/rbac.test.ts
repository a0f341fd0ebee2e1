import { describe, expect, it } from 'vitest';
import { navItemsFor } from '@/lib/navigation';
import { hasRole, pinnedRegion, pinnedRep } from './rbac';
import type { SessionUser } from './session-user';

const user = (role: SessionUser['role'], regionCode: string | null = null): SessionUser => ({
  id: 1,
  email: `${role}@example.test`,
  name: role,
  role,
  regionCode,
});

describe('row scope', () => {
  it('pins a regional manager to their region and a national manager to none', () => {
    expect(pinnedRegion(user('manager', 'MAD'))).toBe('MAD');
    expect(pinnedRegion(user('manager'))).toBeNull();
    expect(pinnedRegion(user('analyst', 'MAD'))).toBeNull();
  });

  it('pins a rep to their own figures', () => {
    expect(pinnedRep(user('rep', 'MAD'))).toBe('rep@example.test');
    expect(pinnedRep(user('manager', 'MAD'))).toBeNull();
  });

  it('checks roles', () => {
    expect(hasRole(user('analyst'), 'manager', 'analyst')).toBe(true);
    expect(hasRole(user('rep'), 'manager', 'admin')).toBe(false);
  });
});

describe('navigation by role', () => {
  it('shows the admin pages to admins only', () => {
    expect(navItemsFor('admin').map((i) => i.href)).toContain('/admin/users');
    for (const role of ['manager', 'rep', 'analyst'] as const) {
      expect(navItemsFor(role).map((i) => i.href)).not.toContain('/admin/users');
    }
  });
});
