import { DEFAULT_LOCALE, intlLocale } from './locales';

/**
 * Numbers, money, percentages and instants in a language's conventions ("1,234.56" in English,
 * "1.234,56" in Spanish). One definition for every language: the locale is a parameter, and
 * components get these bound to the active language from `useFormat()` / `getFormat()`.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale}|${key}`;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), options);
    numberFormats.set(id, format);
  }
  return format;
}

export function formatCount(value: number, locale: string = DEFAULT_LOCALE): string {
  // Spanish leaves four-digit numbers ungrouped by default ("1234"); the dashboard groups them all.
  return numberFormat(locale, 'count', { useGrouping: 'always' }).format(value);
}

/** A number with a fixed count of decimals, e.g. 2.5 → "2.5" (English) or "2,5" (Spanish). */
export function formatDecimal(value: number, digits = 1, locale: string = DEFAULT_LOCALE): string {
  return numberFormat(locale, `decimal${digits}`, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: 'always',
  }).format(value);
}

/** Integer cents as money, e.g. 123456 → "€1,234.56" (English) or "1.234,56 €" (Spanish). */
export function formatCents(cents: number, currency = 'EUR', locale: string = DEFAULT_LOCALE): string {
  return numberFormat(locale, `currency${currency}`, { style: 'currency', currency, useGrouping: 'always' }).format(
    cents / 100,
  );
}

/** A ratio as a percentage ("12.5%", "12,5 %"); null (empty denominator) is shown as an em dash. */
export function formatRate(value: number | null, digits = 1, locale: string = DEFAULT_LOCALE): string {
  if (value === null) return '—';
  return numberFormat(locale, `percent${digits}`, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A vocabulary key as words: `unrequested_line` → "Unrequested line". */
export function humanize(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsFormat.set(timeZone, format);
  }
  return format;
}

/**
 * An instant in the report time zone (the same on server and client), 24-hour clock:
 * `YYYY-MM-DD HH:mm` in English, `DD/MM/YYYY HH:mm` in Spanish.
 */
export function formatZonedInstant(
  value: Date | null,
  timeZone: string,
  withTime = true,
  locale: string = DEFAULT_LOCALE,
): string {
  if (value === null) return '—';
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(value)
      .map((p) => [p.type, p.value]),
  );
  const date =
    locale === 'es' ? `${parts.day}/${parts.month}/${parts.year}` : `${parts.year}-${parts.month}-${parts.day}`;
  return withTime ? `${date} ${parts.hour}:${parts.minute}` : date;
}

/** A calendar day (`YYYY-MM-DD`) as the language writes it: unchanged in English, `DD/MM/YYYY` in Spanish. */
export function formatDay(isoDate: string, locale: string = DEFAULT_LOCALE): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match || locale !== 'es') return isoDate;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

const longDates = new Map<string, Intl.DateTimeFormat>();

/** An instant as words in the language, e.g. "30 Nov 2026, 14:05" or "30 nov 2026, 14:05". */
export function formatLongInstant(value: Date, timeZone: string, locale: string = DEFAULT_LOCALE): string {
  const id = `${locale}|${timeZone}`;
  let format = longDates.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), {
      timeZone,
      dateStyle: 'medium',
      timeStyle: 'short',
      hourCycle: 'h23',
    });
    longDates.set(id, format);
  }
  return format.format(value);
}

/** Every formatter above bound to one language. */
export function formatsFor(locale: string) {
  return {
    locale,
    count: (value: number) => formatCount(value, locale),
    decimal: (value: number, digits = 1) => formatDecimal(value, digits, locale),
    cents: (cents: number, currency = 'EUR') => formatCents(cents, currency, locale),
    rate: (value: number | null, digits = 1) => formatRate(value, digits, locale),
    instant: (value: Date | null, timeZone: string, withTime = true) =>
      formatZonedInstant(value, timeZone, withTime, locale),
    longInstant: (value: Date, timeZone: string) => formatLongInstant(value, timeZone, locale),
    day: (isoDate: string) => formatDay(isoDate, locale),
  };
}

export type Formats = ReturnType<typeof formatsFor>;
