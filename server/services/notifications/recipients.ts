import 'server-only';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { creditRequests, customers, disputes, outageRegions, outages, retentionCases, users } from '@/db/schema';
import { translatorFor } from '@/i18n/translator';
import { formatCents, formatLongInstant } from '@/lib/format';
import type { Locale } from '@/lib/locales';
import type { NotificationKind } from '@/lib/notification-kinds';
import { getSettings } from '../settings';

/** One event, resolved: who hears of it and what they read. */
export interface NotificationDraft {
  kind: NotificationKind;
  subjectKey: string;
  userIds: number[];
  /** What a recipient reads, in their language (each row is written in its recipient's). */
  text: (locale: Locale) => { title: string; body: string };
  link: string;
}

const says = (locale: Locale) => translatorFor(locale, 'notifications');

/** A vocabulary word in a language (the `vocab` messages), or the key as words if it has none. */
function word(locale: Locale, group: 'disputeStatus' | 'severity' | 'milestone', value: string): string {
  const t = translatorFor(locale, 'vocab');
  const key = `${group}.${value}` as Parameters<typeof t>[0];
  return t.has(key) ? t(key) : value.replaceAll('_', ' ');
}

export type NotifyEvent =
  | { kind: 'dispute_due' | 'dispute_breached'; disputeId: number; dueAt: string }
  | { kind: 'credit_pending' | 'credit_decided'; creditRequestId: number }
  | { kind: 'retention_escalation'; retentionCaseId: number }
  | { kind: 'outage_declared'; outageId: number }
  | { kind: 'milestone_overdue'; outageId: number; milestone: string };

const active = eq(users.active, true);

async function regionalManagers(db: Db, regionCodes: string[]): Promise<number[]> {
  if (regionCodes.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(active, eq(users.role, 'manager'), inArray(users.regionCode, regionCodes)));
  return rows.map((r) => r.id);
}

/** Managers who may decide a credit of this region: its own and the national ones. */
async function approvingManagers(db: Db, regionCode: string): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(active, eq(users.role, 'manager'), or(eq(users.regionCode, regionCode), isNull(users.regionCode))));
  return rows.map((r) => r.id);
}

function unique(ids: (number | null)[]): number[] {
  return [...new Set(ids.filter((id): id is number => id !== null))];
}

/** Null when the subject is gone or no longer calls for it (a dispute closed, a credit already decided). */
export async function draftNotification(db: Db, event: NotifyEvent): Promise<NotificationDraft | null> {
  switch (event.kind) {
    case 'dispute_due':
    case 'dispute_breached':
      return draftDispute(db, event.kind, event.disputeId);
    case 'credit_pending':
    case 'credit_decided':
      return draftCredit(db, event.kind, event.creditRequestId);
    case 'retention_escalation':
      return draftEscalation(db, event.retentionCaseId);
    case 'outage_declared':
    case 'milestone_overdue':
      return draftOutage(db, event);
  }
}

async function draftDispute(db: Db, kind: 'dispute_due' | 'dispute_breached', disputeId: number) {
  const [row] = await db
    .select({
      ref: disputes.disputeRef,
      status: disputes.status,
      assignedToId: disputes.assignedToId,
      openedAt: disputes.openedAt,
      regionCode: customers.regionCode,
    })
    .from(disputes)
    .innerJoin(customers, eq(customers.id, disputes.customerId))
    .where(eq(disputes.id, disputeId));
  if (!row || row.status === 'resolved' || row.status === 'rejected') return null;
  const { disputeSlaHours, reportTz } = await getSettings(db);
  const due = new Date(row.openedAt.getTime() + disputeSlaHours * 3_600_000);
  const managers = kind === 'dispute_breached' ? await regionalManagers(db, [row.regionCode]) : [];
  return {
    kind,
    subjectKey: `dispute:${disputeId}`,
    userIds: unique([row.assignedToId, ...managers]),
    text: (locale: Locale) => {
      const t = says(locale);
      const values = { ref: row.ref, due: formatLongInstant(due, reportTz, locale), hours: disputeSlaHours };
      return kind === 'dispute_due'
        ? { title: t('messages.disputeDueTitle', values), body: t('messages.disputeDueBody', values) }
        : {
            title: t('messages.disputeBreachedTitle', values),
            body: t('messages.disputeBreachedBody', { ...values, status: word(locale, 'disputeStatus', row.status) }),
          };
    },
    link: `/disputes/${row.ref}`,
  };
}

async function draftCredit(db: Db, kind: 'credit_pending' | 'credit_decided', creditRequestId: number) {
  const [row] = await db
    .select({
      status: creditRequests.status,
      amountCents: creditRequests.amountCents,
      requestedById: creditRequests.requestedById,
      decisionNote: creditRequests.decisionNote,
      ref: disputes.disputeRef,
      regionCode: customers.regionCode,
    })
    .from(creditRequests)
    .innerJoin(disputes, eq(disputes.id, creditRequests.disputeId))
    .innerJoin(customers, eq(customers.id, disputes.customerId))
    .where(eq(creditRequests.id, creditRequestId));
  if (!row) return null;
  const { currency } = await getSettings(db);
  const amount = (locale: Locale) => formatCents(row.amountCents, currency, locale);
  if (kind === 'credit_pending') {
    if (row.status !== 'pending') return null;
    return {
      kind,
      subjectKey: `credit:${creditRequestId}`,
      userIds: await approvingManagers(db, row.regionCode),
      text: (locale: Locale) => {
        const t = says(locale);
        const values = { amount: amount(locale), ref: row.ref };
        return { title: t('messages.creditPendingTitle', values), body: t('messages.creditPendingBody', values) };
      },
      link: '/approvals',
    };
  }
  if (row.status === 'pending') return null;
  const status = row.status === 'approved' ? 'approved' : 'rejected';
  const { decisionNote } = row;
  return {
    kind,
    subjectKey: `credit:${creditRequestId}`,
    userIds: [row.requestedById],
    text: (locale: Locale) => {
      const t = says(locale);
      const values = { amount: amount(locale), ref: row.ref, status: t(`creditStatus.${status}`) };
      const note = decisionNote ? ` ${t('messages.decisionNote', { note: decisionNote })}` : '';
      return { title: t('messages.creditDecidedTitle', values), body: `${t('messages.creditDecidedBody', values)}${note}` };
    },
    link: `/disputes/${row.ref}`,
  };
}

async function draftEscalation(db: Db, retentionCaseId: number) {
  const [row] = await db
    .select({ caseRef: retentionCases.caseRef, disputeRef: disputes.disputeRef, regionCode: customers.regionCode })
    .from(retentionCases)
    .innerJoin(customers, eq(customers.id, retentionCases.customerId))
    .leftJoin(disputes, eq(disputes.id, retentionCases.escalatedFromDisputeId))
    .where(eq(retentionCases.id, retentionCaseId));
  if (!row) return null;
  const team = await db
    .select({ id: users.id })
    .from(users)
    .where(and(active, eq(users.team, 'retention'), eq(users.regionCode, row.regionCode)));
  const { caseRef, disputeRef, regionCode } = row;
  return {
    kind: 'retention_escalation' as const,
    subjectKey: `retention:${retentionCaseId}`,
    userIds: team.map((u) => u.id),
    text: (locale: Locale) => {
      const t = says(locale);
      return {
        title: t('messages.escalationTitle', { caseRef }),
        body: disputeRef
          ? t('messages.escalationFromDisputeBody', { region: regionCode, disputeRef, caseRef })
          : t('messages.escalationBody', { region: regionCode, caseRef }),
      };
    },
    link: row.disputeRef ? `/disputes/${row.disputeRef}` : '/retention',
  };
}

async function draftOutage(db: Db, event: Extract<NotifyEvent, { outageId: number }>) {
  const [outage] = await db
    .select({
      ref: outages.outageRef,
      title: outages.title,
      severity: outages.severity,
      resolvedAt: outages.resolvedAt,
    })
    .from(outages)
    .where(eq(outages.id, event.outageId));
  if (!outage) return null;
  const regions = await db
    .select({ code: outageRegions.regionCode })
    .from(outageRegions)
    .where(eq(outageRegions.outageId, event.outageId));
  const userIds = await regionalManagers(
    db,
    regions.map((r) => r.code),
  );
  const where = regions.map((r) => r.code).join(', ');
  if (event.kind === 'outage_declared') {
    return {
      kind: event.kind,
      subjectKey: `outage:${event.outageId}`,
      userIds,
      text: (locale: Locale) => {
        const t = says(locale);
        return {
          title: t('messages.outageDeclaredTitle', { ref: outage.ref }),
          body: t('messages.outageDeclaredBody', {
            title: outage.title,
            severity: word(locale, 'severity', outage.severity),
            where,
          }),
        };
      },
      link: `/outages/${outage.ref}`,
    };
  }
  if (outage.resolvedAt && event.milestone !== 'resolve') return null;
  const { milestone } = event;
  return {
    kind: event.kind,
    subjectKey: `outage:${event.outageId}:${event.milestone}`,
    userIds,
    text: (locale: Locale) => {
      const t = says(locale);
      const values = { ref: outage.ref, title: outage.title, where, milestone: word(locale, 'milestone', milestone) };
      return { title: t('messages.milestoneOverdueTitle', values), body: t('messages.milestoneOverdueBody', values) };
    },
    link: `/outages/${outage.ref}`,
  };
}
