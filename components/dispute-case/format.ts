import { formatCents, humanize as words } from '@/lib/format';
import type { DisputeEventKind } from '@/lib/dispute-status';

export { words };

export function formatInstant(value: Date | string | null, timeZone: string): string {
  if (value === null) return '—';
  return new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(value),
  );
}

/** A calendar date YYYY-MM-DD as "20 May 2024". */
export function formatDay(value: string | null): string {
  if (value === null) return '—';
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'medium' }).format(
    new Date(`${value}T00:00:00Z`),
  );
}

/** "in 5 h" / "3 h ago" from now. */
export function relativeHours(target: Date, now: number): { text: string; late: boolean } {
  const hours = (target.getTime() - now) / 3_600_000;
  const abs = Math.abs(hours);
  const amount = abs >= 48 ? `${Math.round(abs / 24)} d` : `${Math.max(1, Math.round(abs))} h`;
  return hours >= 0 ? { text: `due in ${amount}`, late: false } : { text: `overdue by ${amount}`, late: true };
}

const EVENT_LABELS: Record<DisputeEventKind, string> = {
  created: 'Dispute opened',
  status_changed: 'Status changed',
  resolved: 'Closed',
  reopened: 'Reopened',
  finding_recorded: 'Finding recorded',
  recalculation_requested: 'Recalculation requested',
  customer_notified: 'Customer notified',
  note: 'Note',
  credit_issued: 'Credit issued',
  credit_requested: 'Credit awaiting approval',
  credit_approved: 'Credit approved',
  credit_rejected: 'Credit rejected',
  escalated_to_retention: 'Escalated to retention',
  reassigned: 'Reassigned',
};

export function eventLabel(kind: string, changes: Record<string, { from: unknown; to: unknown }> | null): string {
  if (kind === 'resolved' && typeof changes?.status?.to === 'string') return words(changes.status.to);
  return kind in EVENT_LABELS ? EVENT_LABELS[kind as DisputeEventKind] : words(kind);
}

const FIELD_LABELS: Record<string, string> = {
  status: 'Status',
  resolvedAt: 'Resolved at',
  undueCharge: 'Charge undue',
  undueReason: 'Why',
  recalculationRef: 'Recalculation ref',
  expectedResolutionOn: 'Expected resolution',
  customerNotifiedAt: 'Told at',
  customerNotifiedChannel: 'Channel',
  creditedAmountCents: 'Credited',
  pendingCreditCents: 'Awaiting approval',
  assignedTo: 'Assigned to',
  retentionCase: 'Retention case',
};

const MONEY_FIELDS = new Set(['creditedAmountCents', 'pendingCreditCents']);
const INSTANT = /^\d{4}-\d{2}-\d{2}T/;

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? words(field);
}

/** One side of a recorded change, for people. */
export function changeValue(field: string, value: unknown, display: { currency: string; timezone: string }): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return MONEY_FIELDS.has(field) ? formatCents(value, display.currency) : String(value);
  if (typeof value === 'string') {
    if (INSTANT.test(value)) return formatInstant(value, display.timezone);
    if (field === 'status' || field === 'customerNotifiedChannel') return words(value);
    return value;
  }
  return JSON.stringify(value);
}
