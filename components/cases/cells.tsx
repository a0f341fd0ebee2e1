import { formatCents } from '@/lib/format';
import styles from './cases.module.css';

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
export function formatInstant(value: Date | null, timeZone: string, withTime = true): string {
  if (value === null) return '—';
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(value)
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return withTime ? `${date} ${parts.hour}:${parts.minute}` : date;
}

export const words = (value: string | null) => (value ? value.replaceAll('_', ' ') : '—');

export function Money({ cents, currency }: { cents: number | null; currency: string }) {
  return <>{cents === null ? '—' : formatCents(cents, currency)}</>;
}

export function Ref({ value }: { value: string | null }) {
  return value ? <span className={styles.ref}>{value}</span> : <span className="muted">—</span>;
}

/** A user by name, with the email on hover (the filters use emails). */
export function Person({
  name,
  email,
  fallback = '—',
}: {
  name: string | null;
  email: string | null;
  fallback?: string;
}) {
  return name ? <span title={email ?? undefined}>{name}</span> : <span className="muted">{fallback}</span>;
}
