import { formatCents, formatCount, formatRate } from '@/lib/format';

export type ValueKind = 'count' | 'rate' | 'cents' | 'minutes' | 'hours';

export function formatValue(value: number | null | undefined, kind: ValueKind, currency = 'EUR'): string {
  if (value === null || value === undefined) return '—';
  switch (kind) {
    case 'count':
      return formatCount(value);
    case 'rate':
      return formatRate(value);
    case 'cents':
      return formatCents(value, currency);
    case 'minutes':
      return `${value.toFixed(1)} min`;
    case 'hours':
      return `${value.toFixed(1)} h`;
  }
}
