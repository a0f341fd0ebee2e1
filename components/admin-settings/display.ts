import { formatCents, formatCount } from '@/lib/format';
import type { FieldKind } from './fields';

/** 104857600 → "100 MiB". */
function byteSize(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

/** A setting's value in words, e.g. for the default shown beside the field. */
export function settingText(kind: FieldKind, value: number | string, currency: string, unit?: string): string {
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'money':
      return formatCents(value, currency);
    case 'bytes':
      return byteSize(value);
    case 'decimal':
      return `${value}${unit ? ` ${unit}` : ''}`;
    default:
      return `${formatCount(value)}${unit ? ` ${unit}` : ''}`;
  }
}
