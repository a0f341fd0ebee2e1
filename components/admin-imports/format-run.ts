import { IMPORT_ENTITY_LABELS, type ImportRunStatus } from '@/lib/schemas/admin-imports';

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant as `YYYY-MM-DD HH:mm:ss` in the report time zone (the same on server and client). */
export function formatWhen(value: Date | null, timeZone: string): string {
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
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

export function entityLabel(entity: string): string {
  return (IMPORT_ENTITY_LABELS as Record<string, string | undefined>)[entity] ?? entity;
}

export const STATUS_LABELS: Record<ImportRunStatus, string> = {
  running: 'running',
  committed: 'written',
  rejected: 'nothing written',
  failed: 'failed',
};

/** Why a run failed, for the history; runs that failed before reasons were recorded get the general one. */
export function failureText(reason: string | null): string {
  return reason ?? 'the import could not finish (an interrupted upload or a server error)';
}
