import type { Role } from './vocabularies';

/** A link's label: a key of the `shell.nav` messages. */
export type NavLabelKey =
  | 'overview'
  | 'queue'
  | 'approvals'
  | 'churn'
  | 'retention'
  | 'retentionNew'
  | 'retentionMine'
  | 'disputes'
  | 'outages'
  | 'outageScripts'
  | 'compensation'
  | 'exports'
  | 'adminUsers'
  | 'adminImports'
  | 'adminSettings'
  | 'adminAudit'
  | 'adminJobs';

export interface NavItem {
  href: string;
  labelKey: NavLabelKey;
  roles: readonly Role[];
}

/** The sidebar; the server enforces the same rules on every page and procedure. */
const READERS: readonly Role[] = ['manager', 'analyst', 'admin'];

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', labelKey: 'overview', roles: ['manager', 'analyst', 'admin', 'rep'] },
  { href: '/queue', labelKey: 'queue', roles: ['rep', 'manager'] },
  { href: '/approvals', labelKey: 'approvals', roles: ['manager', 'admin'] },
  { href: '/churn', labelKey: 'churn', roles: READERS },
  { href: '/retention', labelKey: 'retention', roles: READERS },
  { href: '/retention/new', labelKey: 'retentionNew', roles: ['rep', 'manager', 'admin'] },
  { href: '/retention/mine', labelKey: 'retentionMine', roles: ['rep'] },
  { href: '/disputes', labelKey: 'disputes', roles: READERS },
  { href: '/outages', labelKey: 'outages', roles: READERS },
  { href: '/outage-scripts', labelKey: 'outageScripts', roles: ['rep'] },
  { href: '/compensation', labelKey: 'compensation', roles: READERS },
  { href: '/exports', labelKey: 'exports', roles: READERS },
  { href: '/admin/users', labelKey: 'adminUsers', roles: ['admin'] },
  { href: '/admin/imports', labelKey: 'adminImports', roles: ['admin'] },
  { href: '/admin/settings', labelKey: 'adminSettings', roles: ['admin'] },
  { href: '/admin/audit', labelKey: 'adminAudit', roles: ['admin'] },
  { href: '/admin/jobs', labelKey: 'adminJobs', roles: ['admin'] },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
