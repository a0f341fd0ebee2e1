import { formatCents } from '@/lib/format';

const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(at: Date, timeZone: string): Record<string, string> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
}

/** `2026-05-09 18:14` in the zone: the same text on the server and in any browser. */
export function formatLocal(iso: string, timeZone: string): string {
  const p = parts(new Date(iso), timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The value a `datetime-local` input shows for an instant, in the report time zone. */
export function toWallTimeInput(at: Date, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

export function minutesFrom(startIso: string, atIso: string): number {
  return (Date.parse(atIso) - Date.parse(startIso)) / 60_000;
}

/** A duration as `1 d 3 h 05 min`, `2 h 05 min 12 s` or `12 min 04 s`. */
export function formatDuration(ms: number, withSeconds = true): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${d} d ${h} h ${pad(m)} min`;
  const secs = withSeconds ? ` ${pad(s)} s` : '';
  if (h > 0) return `${h} h ${pad(m)} min${secs}`;
  return `${m} min${secs}`;
}

export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  return minutes < 90 ? `${minutes.toFixed(1)} min` : formatDuration(minutes * 60_000, false);
}

export const money = (cents: number, currency: string) => formatCents(cents, currency);
