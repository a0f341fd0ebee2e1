import type { Role } from './vocabularies';

export interface NavItem {
  href: string;
  label: string;
  roles: readonly Role[];
}

/** The sidebar; the server enforces the same rules on every page and procedure. */
const READERS: readonly Role[] = ['manager', 'analyst', 'admin'];

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Overview', roles: ['manager', 'analyst', 'admin', 'rep'] },
  { href: '/queue', label: 'My queue', roles: ['rep', 'manager'] },
  { href: '/approvals', label: 'Credit approvals', roles: ['manager', 'admin'] },
  { href: '/churn', label: 'Churn', roles: READERS },
  { href: '/retention', label: 'Retention', roles: READERS },
  { href: '/retention/new', label: 'Log retention call', roles: ['rep', 'manager', 'admin'] },
  { href: '/retention/mine', label: 'My retention cases', roles: ['rep'] },
  { href: '/disputes', label: 'Billing disputes', roles: READERS },
  { href: '/outages', label: 'Outages', roles: READERS },
  { href: '/compensation', label: 'Compensation', roles: READERS },
  { href: '/exports', label: 'Exports', roles: READERS },
  { href: '/admin/users', label: 'Users', roles: ['admin'] },
  { href: '/admin/imports', label: 'Imports', roles: ['admin'] },
  { href: '/admin/settings', label: 'Settings', roles: ['admin'] },
  { href: '/admin/audit', label: 'Audit log', roles: ['admin'] },
  { href: '/admin/jobs', label: 'Jobs', roles: ['admin'] },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
