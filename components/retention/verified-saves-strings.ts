import { formatCount, formatRate, humanize } from '@/lib/format';

/** Every string of the verified-saves and rep × region cards, in one place for next-intl. */
export const VERIFIED_SAVES = {
  title: 'Verified saves',
  intro:
    'A save is verified at 30, 60 or 90 days when the customer is still active that long after the close. Saves too recent to check are left out until they can be.',
  horizon: (days: number) => `Verified at ${days} days`,
  rate: formatRate,
  ofVerifiable: (verified: number, verifiable: number) =>
    `${formatCount(verified)} of ${formatCount(verifiable)} saves`,
  notYet: (count: number) => (count > 0 ? `${formatCount(count)} not verifiable yet` : 'all verifiable'),
  none: 'No save is old enough yet',
  byRep: 'Verified saves by rep',
  byOffer: 'Verified saves by offer',
  rep: 'Rep',
  offer: 'Offer',
  saved: 'Saved',
  at: (days: number) => `${days} d`,
  offerLabel: humanize,
  empty: 'No saves in this period.',
  repRegionTitle: 'Save rate by rep and region',
  region: 'Region',
  closed: 'Closed',
  saveRate: 'Save rate',
  repRegionEmpty: 'No case closed in this period.',
  count: formatCount,
} as const;
