import { humanize } from '@/lib/format';

/** Every string of the header's search, in one place for next-intl. */
export const GLOBAL_SEARCH = {
  label: 'Search customers, cases and outages',
  placeholder: 'Search account, name, DS-/RC-/OUT- ref… ( / )',
  shortcutHint: 'Press / or Ctrl+K to search from anywhere.',
  tooShort: (min: number) => `Type at least ${min} characters.`,
  searching: 'Searching…',
  noResults: 'Nothing found in your scope.',
  failed: 'Search is unavailable right now; try again in a moment.',
  groups: {
    customers: 'Customers',
    disputes: 'Billing disputes',
    retentionCases: 'Retention cases',
    outages: 'Outages',
  },
  customer: (c: { accountNumber: string; name: string | null; regionCode: string; churned: boolean }) =>
    `${c.accountNumber} · ${c.name ?? 'no name'} · ${c.regionCode}${c.churned ? ' · churned' : ''}`,
  dispute: (d: { ref: string; accountNumber: string; status: string; cause: string }) =>
    `${d.ref} · ${d.accountNumber} · ${humanize(d.cause)} · ${humanize(d.status)}`,
  retentionCase: (r: { ref: string; accountNumber: string; outcome: string }) =>
    `${r.ref} · ${r.accountNumber} · ${humanize(r.outcome)}`,
  outage: (o: { ref: string; title: string; severity: string }) => `${o.ref} · ${o.title} · ${humanize(o.severity)}`,
} as const;
