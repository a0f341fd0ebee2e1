import type { Role } from './vocabularies';

export interface NavItem {
  href: string;
  label: string;
  roles: readonly Role[];
}

/** The sidebar; the server enforces the same rules on every page and procedure. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Overview', roles: ['manager', 'analyst', 'admin', 'rep'] },
  { href: '/admin/users', label: 'Admin', roles: ['admin'] },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
