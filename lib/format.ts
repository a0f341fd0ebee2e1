const countFormat = new Intl.NumberFormat('en-GB');

export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** Integer cents as money, e.g. 123456 → "€1,234.56". */
export function formatCents(cents: number, currency = 'EUR'): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(cents / 100);
}

/** A ratio as a percentage; null (empty denominator) is shown as an em dash. */
export function formatRate(value: number | null, digits = 1): string {
  return value === null ? '—' : `${(value * 100).toFixed(digits)}%`;
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

/** An instant as `YYYY-MM-DD HH:mm` in the report time zone (the same on server and client). */
export function formatZonedInstant(value: Date | null, timeZone: string, withTime = true): string {
  if (value === null) return '—';
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(value)
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return withTime ? `${date} ${parts.hour}:${parts.minute}` : date;
}
