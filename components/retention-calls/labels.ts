import { formatCents, humanize as label } from '@/lib/format';
import type { CompensationKind } from '@/lib/vocabularies';

export { label };

export const KIND_LABELS: Record<CompensationKind, string> = {
  retention_offer: 'retention offer',
  fee_waiver: 'fee waiver',
  loyalty_credit: 'loyalty credit',
  dispute_credit: 'dispute credit',
  outage_credit: 'outage credit',
  goodwill: 'goodwill',
  service_credit: 'service credit (Ofcom)',
};

export function money(cents: number, currency = 'EUR'): string {
  return formatCents(cents, currency);
}

/** A `datetime-local` value for an instant, in the browser's time zone. */
export function localInputValue(date: Date): string {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}
