import { formatCents, formatRate, humanize } from '@/lib/format';

/**
 * Every string of the customer 360 page, in one place so it moves onto next-intl as one message
 * namespace. Vocabulary keys (causes, outcomes, kinds) are shown with `humanize` until then.
 */
export const CUSTOMER_360 = {
  pageTitle: (account: string) => `Customer ${account}`,
  loading: 'Loading the customer…',
  profile: 'Profile',
  timeline: 'History',
  timelineEmpty: 'Nothing has happened to this customer yet.',
  account: 'Account',
  name: 'Name',
  region: 'Region',
  plan: 'Plan',
  monthlyFee: 'Monthly fee',
  status: 'Status',
  active: 'Active',
  churned: 'Churned',
  signedUp: 'Signed up',
  churnedOn: 'Churned on',
  promotionEnds: 'Promotion ends',
  promotionNone: 'No promotion',
  promotionDiscount: (money: string) => `${money}/month off`,
  soldBy: 'Sold by',
  none: '—',
  open: 'Open',
  kinds: {
    signup: 'Signed up',
    churn: 'Churned',
    dispute: 'Billing dispute',
    retention: 'Retention case',
    compensation: 'Compensation',
    outage: 'Outage',
  },
  signupDetail: (plan: string | null) => (plan ? `On ${plan}` : 'Joined'),
  churnDetail: (category: string | null, competitor: string | null, reason: string | null) =>
    [category ? humanize(category) : null, competitor ? `to ${competitor}` : null, reason].filter(Boolean).join(' · '),
  disputeDetail: (d: {
    cause: string;
    status: string;
    disputed: string;
    credited: string | null;
    assignedTo: string | null;
  }) =>
    [
      humanize(d.cause),
      humanize(d.status),
      `${d.disputed} disputed`,
      d.credited ? `${d.credited} credited` : null,
      d.assignedTo ? `with ${d.assignedTo}` : 'unassigned',
    ]
      .filter(Boolean)
      .join(' · '),
  retentionDetail: (r: { reason: string; offerType: string; outcome: string; mrr: string; rep: string }) =>
    `${humanize(r.reason)} · offer: ${humanize(r.offerType)} · ${humanize(r.outcome)} · ${r.mrr} at risk · ${r.rep}`,
  compensationDetail: (k: { kind: string; amount: string; issuedBy: string | null }) =>
    `${humanize(k.kind)} · ${k.amount} · ${k.issuedBy ?? 'automatic'}`,
  compensationFor: { dispute: 'for dispute', retention: 'for retention case', outage: 'for outage' },
  outageDetail: (o: { title: string; severity: string; resolved: string | null }) =>
    `${o.title} · ${humanize(o.severity)}${o.resolved ? ` · resolved ${o.resolved}` : ' · not resolved'}`,
  money: formatCents,
  rate: formatRate,
} as const;
