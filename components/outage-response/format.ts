import type { useTranslations } from 'next-intl';
import { wallFields } from '@/lib/wall-clock';

export type OutageTranslator = ReturnType<typeof useTranslations<'outageResponse'>>;

const pad = (n: number) => String(n).padStart(2, '0');

/** The local date and minute of an instant in the zone, as text. */
function wallText(at: Date, timeZone: string): { date: string; time: string } {
  const w = wallFields(at.getTime(), timeZone);
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** `2026-05-09 18:14` (Spanish `09/05/2026 18:14`) in the zone: the same text on the server and in any browser. */
export function formatLocal(iso: string, timeZone: string, locale: string): string {
  const { date, time } = wallText(new Date(iso), timeZone);
  const shown = locale === 'es' ? date.split('-').reverse().join('/') : date;
  return `${shown} ${time}`;
}

/** The value a `datetime-local` input shows for an instant, in the report time zone. */
export function toWallTimeInput(at: Date, timeZone: string): string {
  const { date, time } = wallText(at, timeZone);
  return `${date}T${time}`;
}

export function minutesFrom(startIso: string, atIso: string): number {
  return (Date.parse(atIso) - Date.parse(startIso)) / 60_000;
}

/** A duration as `1 d 3 h 05 min`, `2 h 05 min 12 s` or `12 min 04 s`. */
export function formatDuration(ms: number, t: OutageTranslator, withSeconds = true): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = pad(total % 60);
  if (d > 0) return t('duration.days', { d, h, m: pad(m) });
  if (h > 0)
    return withSeconds ? t('duration.hoursSeconds', { h, m: pad(m), s }) : t('duration.hours', { h, m: pad(m) });
  return withSeconds ? t('duration.minutesSeconds', { m, s }) : t('duration.minutes', { m });
}

export function formatMinutes(minutes: number | null, t: OutageTranslator, decimal: (value: number) => string): string {
  if (minutes === null) return '—';
  return minutes < 90
    ? t('duration.shortMinutes', { value: decimal(minutes) })
    : formatDuration(minutes * 60_000, t, false);
}
