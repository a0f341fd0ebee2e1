import { formatCents, formatCount, formatDecimal, formatRate } from '@/lib/format';
import { DEFAULT_LOCALE } from '@/lib/locales';

export type ValueKind = 'count' | 'rate' | 'cents' | 'minutes' | 'hours';

export function formatValue(
  value: number | null | undefined,
  kind: ValueKind,
  currency = 'EUR',
  locale: string = DEFAULT_LOCALE,
): string {
  if (value === null || value === undefined) return '—';
  switch (kind) {
    case 'count':
      return formatCount(value, locale);
    case 'rate':
      return formatRate(value, 1, locale);
    case 'cents':
      return formatCents(value, currency, locale);
    case 'minutes':
      return `${formatDecimal(value, 1, locale)} min`;
    case 'hours':
      return `${formatDecimal(value, 1, locale)} h`;
  }
}
