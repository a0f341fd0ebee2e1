import type { useTranslations } from 'next-intl';
import { capitalize, type Words } from '@/components/ui/vocab';
import type { DisputeEventKind } from '@/lib/dispute-status';
import { formatLongInstant, type Formats } from '@/lib/format';
import { intlLocale } from '@/lib/locales';

export type CaseTranslator = ReturnType<typeof useTranslations<'disputeCase'>>;

export function formatInstant(value: Date | string | null, timeZone: string, locale: string): string {
  if (value === null) return '—';
  return formatLongInstant(new Date(value), timeZone, locale);
}

/** A calendar date YYYY-MM-DD as "20 May 2024" / "20 may 2024". */
export function formatDay(value: string | null, locale: string): string {
  if (value === null) return '—';
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: 'UTC', dateStyle: 'medium' }).format(
    new Date(`${value}T00:00:00Z`),
  );
}

/** "due in 5 h" / "overdue by 3 h" from now. */
export function relativeHours(target: Date, now: number, t: CaseTranslator): { text: string; late: boolean } {
  const hours = (target.getTime() - now) / 3_600_000;
  const abs = Math.abs(hours);
  const amount =
    abs >= 48 ? t('header.days', { n: Math.round(abs / 24) }) : t('header.hours', { n: Math.max(1, Math.round(abs)) });
  return hours >= 0
    ? { text: t('header.dueIn', { amount }), late: false }
    : { text: t('header.overdueBy', { amount }), late: true };
}

const EVENT_KINDS: readonly DisputeEventKind[] = [
  'created',
  'status_changed',
  'resolved',
  'reopened',
  'finding_recorded',
  'recalculation_requested',
  'customer_notified',
  'note',
  'credit_issued',
  'credit_requested',
  'credit_approved',
  'credit_rejected',
  'escalated_to_retention',
  'reassigned',
];

const FIELDS = [
  'status',
  'resolvedAt',
  'undueCharge',
  'undueReason',
  'recalculationRef',
  'expectedResolutionOn',
  'customerNotifiedAt',
  'customerNotifiedChannel',
  'creditedAmountCents',
  'pendingCreditCents',
  'assignedTo',
  'retentionCase',
] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

export function eventLabel(
  kind: string,
  changes: Record<string, { from: unknown; to: unknown }> | null,
  t: CaseTranslator,
  words: Words,
): string {
  if (kind === 'resolved' && typeof changes?.status?.to === 'string')
    return capitalize(words('disputeStatus', changes.status.to));
  return isOneOf(EVENT_KINDS, kind) ? t(`timeline.events.${kind}`) : capitalize(kind.replaceAll('_', ' '));
}

const MONEY_FIELDS = new Set(['creditedAmountCents', 'pendingCreditCents']);
const INSTANT = /^\d{4}-\d{2}-\d{2}T/;

export function fieldLabel(field: string, t: CaseTranslator): string {
  return isOneOf(FIELDS, field) ? t(`timeline.fields.${field}`) : capitalize(field.replaceAll('_', ' '));
}

/** One side of a recorded change, for people. */
export function changeValue(
  field: string,
  value: unknown,
  display: { currency: string; timezone: string },
  tools: { t: CaseTranslator; words: Words; f: Formats },
): string {
  const { t, words, f } = tools;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('timeline.yes') : t('timeline.no');
  if (typeof value === 'number') return MONEY_FIELDS.has(field) ? f.cents(value, display.currency) : String(value);
  if (typeof value === 'string') {
    if (INSTANT.test(value)) return formatInstant(value, display.timezone, f.locale);
    if (field === 'status') return words('disputeStatus', value);
    if (field === 'customerNotifiedChannel') return words('channel', value);
    return value;
  }
  return JSON.stringify(value);
}
