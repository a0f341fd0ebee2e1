import type { DisputeCause, NotificationChannel } from '../../lib/vocabularies';
import type { Rng } from './random';

/** First bills: lines nobody ordered, fees nobody disclosed, quotes that do not match. */
export const FIRST_BILL_CAUSES: readonly (readonly [DisputeCause, number])[] = [
  ['unrequested_line', 27],
  ['undisclosed_fee', 24],
  ['quote_mismatch', 20],
  ['promo_not_applied', 16],
  ['unrequested_service', 8],
  ['equipment_fee', 3],
  ['wrong_sim_or_plan', 3],
  ['other', 2],
];

export const LATER_BILL_CAUSES: readonly (readonly [DisputeCause, number])[] = [
  ['overcharge', 18],
  ['promo_expired', 10],
  ['roaming', 8],
  ['international_calls', 7],
  ['premium_sms', 7],
  ['moving_fee', 5],
  ['equipment_fee', 8],
  ['duplicate_charge', 8],
  ['promo_not_applied', 6],
  ['unrequested_service', 7],
  ['unrequested_line', 3],
  ['undisclosed_fee', 3],
  ['quote_mismatch', 2],
  ['other', 8],
];

/** How often a rep finds the charge really was undue. */
export const UNDUE_RATE: Record<DisputeCause, number> = {
  overcharge: 0.55,
  unrequested_line: 0.85,
  unrequested_service: 0.75,
  undisclosed_fee: 0.7,
  quote_mismatch: 0.75,
  promo_not_applied: 0.85,
  promo_expired: 0.3,
  roaming: 0.35,
  international_calls: 0.3,
  premium_sms: 0.6,
  moving_fee: 0.4,
  equipment_fee: 0.5,
  duplicate_charge: 0.9,
  wrong_sim_or_plan: 0.8,
  other: 0.35,
};

export const UNDUE_REASONS: Record<DisputeCause, string> = {
  overcharge: 'Usage billed above the contracted tariff',
  unrequested_line: 'Mobile line activated without the customer’s consent',
  unrequested_service: 'Add-on service activated that the customer never ordered',
  undisclosed_fee: 'Installation/activation fee not disclosed at the sale',
  quote_mismatch: 'First bill above the written quote',
  promo_not_applied: 'Promotional discount missing from the bill',
  promo_expired: 'Promotion ended earlier than the contract says',
  roaming: 'Roaming in an EU country billed as international',
  international_calls: 'Calls to an included destination billed separately',
  premium_sms: 'Premium SMS subscription without double opt-in',
  moving_fee: 'Moving fee charged although the move was waived',
  equipment_fee: 'Router returned but rental still billed',
  duplicate_charge: 'Same period billed twice',
  wrong_sim_or_plan: 'Line provisioned on a dearer plan than the one sold',
  other: 'Billing error confirmed by the recalculation',
};

const cents = (rng: Rng, min: number, max: number) => rng.int(min, max);

/** A plausible disputed amount for the cause, given the customer's monthly fee. */
export function disputedAmount(rng: Rng, cause: DisputeCause, feeCents: number, promoCents: number | null): number {
  switch (cause) {
    case 'unrequested_line':
      return rng.pick([990, 1490, 1990]) * rng.int(1, 2);
    case 'unrequested_service':
      return rng.pick([399, 599, 899, 1200]) * rng.int(1, 2);
    case 'undisclosed_fee':
      return rng.pick([3990, 4990, 6000, 7990, 9900, 12000]);
    case 'quote_mismatch':
      return Math.max(500, Math.round(feeCents * rng.between(0.15, 0.6)));
    case 'promo_not_applied':
    case 'promo_expired':
      return promoCents ?? rng.pick([500, 750, 1000, 1500, 2000]);
    case 'overcharge':
      return cents(rng, 300, 8000);
    case 'roaming':
      return cents(rng, 1500, 35000);
    case 'international_calls':
      return cents(rng, 800, 15000);
    case 'premium_sms':
      return cents(rng, 300, 4500);
    case 'moving_fee':
      return rng.pick([4990, 6990, 9900]);
    case 'equipment_fee':
      return rng.pick([2990, 4990, 7990, 12000]);
    case 'duplicate_charge':
      return feeCents;
    case 'wrong_sim_or_plan':
      return Math.max(500, Math.round(feeCents * rng.between(0.2, 0.8)));
    case 'other':
      return cents(rng, 500, 6000);
  }
}

export const CHANNELS: readonly (readonly [NotificationChannel, number])[] = [
  ['phone', 35],
  ['email', 30],
  ['sms', 25],
  ['app', 8],
  ['letter', 2],
];
