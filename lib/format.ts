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
