import type { useTranslations } from 'next-intl';
import { IMPORT_ENTITY_LABELS } from '@/lib/schemas/admin-imports';
import type { ImportEntity } from '@/lib/schemas/import';

export type ImportsTranslator = ReturnType<typeof useTranslations<'adminImports'>>;

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant in the report time zone with seconds (the same on server and client):
 * `YYYY-MM-DD HH:mm:ss` in English, `DD/MM/YYYY HH:mm:ss` in Spanish.
 */
export function formatWhen(value: Date | null, timeZone: string, locale: string): string {
  if (value === null) return '—';
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    timeFormats.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(value).map((part) => [part.type, part.value]));
  const date = locale === 'es' ? `${p.day}/${p.month}/${p.year}` : `${p.year}-${p.month}-${p.day}`;
  return `${date} ${p.hour}:${p.minute}:${p.second}`;
}

export function entityLabel(entity: string, t: ImportsTranslator): string {
  return Object.hasOwn(IMPORT_ENTITY_LABELS, entity) ? t(`entities.${entity as ImportEntity}`) : entity;
}

/** Why a run failed, for the history; runs that failed before reasons were recorded get the general one. */
export function failureText(reason: string | null, t: ImportsTranslator): string {
  return reason ?? t('genericFailure');
}
