import type { useTranslations } from 'next-intl';
import type { Formats } from '@/lib/format';
import { intlLocale } from '@/lib/locales';
import type { FieldKind, SettingUnit } from './fields';

export type SettingsTranslator = ReturnType<typeof useTranslations<'adminSettings'>>;

const BYTE_UNITS = ['bytes', 'KiB', 'MiB', 'GiB'] as const;

/** 104857600 → "100 MiB". */
function byteSize(bytes: number, t: SettingsTranslator, f: Formats): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const n = Number.isInteger(value) ? f.count(value) : f.decimal(value, 1);
  return t(`byteUnits.${BYTE_UNITS[unit] ?? 'bytes'}`, { n });
}

/** A setting's value in words, e.g. for the default shown beside the field. */
export function settingText(
  kind: FieldKind,
  value: number | string,
  currency: string,
  tools: { t: SettingsTranslator; f: Formats },
  unit?: SettingUnit,
): string {
  const { t, f } = tools;
  if (typeof value === 'string') return value;
  const suffix = unit ? ` ${t(`units.${unit}`)}` : '';
  switch (kind) {
    case 'money':
      return f.cents(value, currency);
    case 'bytes':
      return byteSize(value, t, f);
    case 'decimal':
      return `${new Intl.NumberFormat(intlLocale(f.locale), { maximumFractionDigits: 4 }).format(value)}${suffix}`;
    default:
      return `${f.count(value)}${suffix}`;
  }
}
