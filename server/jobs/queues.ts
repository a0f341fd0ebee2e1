import 'server-only';
import type PgBoss from 'pg-boss';
import { z } from 'zod';
import { type NOTIFICATION_KINDS } from '@/lib/notification-kinds';
import { DISPATCH_CHANNELS } from '@/lib/outage-comms';

/**
 * Every queue of the app: its name, the zod schema of its payload, and pg-boss's queue options
 * (retries with exponential backoff by default). A queue is created on first use; the worker
 * applies these options when it starts. Add a queue here, its handler in handlers/<queue>.ts and
 * a line in registry.ts.
 */
export interface QueueDefinition {
  payload: z.ZodType;
  options: Omit<PgBoss.Queue, 'name'>;
  /** How many jobs of this queue one process works at once (pg-boss polls for each). */
  concurrency?: number;
  /**
   * The singleton key a job gets when the caller gives none. Queues of policy `short` or
   * `stately` keep one waiting job per key, so theirs must tell different jobs apart.
   */
  singletonKey?: (payload: never) => string;
}

const retried = { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 } as const;

const id = z.number().int().positive().max(2_147_483_647);

/** One event that people should hear about; the handler finds who and writes their notifications. */
export const notifyPayload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dispute_due'), disputeId: id, dueAt: z.string().datetime({ offset: true }) }),
  z.object({ kind: z.literal('dispute_breached'), disputeId: id, dueAt: z.string().datetime({ offset: true }) }),
  z.object({ kind: z.literal('credit_pending'), creditRequestId: id }),
  z.object({ kind: z.literal('credit_decided'), creditRequestId: id }),
  z.object({ kind: z.literal('retention_escalation'), retentionCaseId: id }),
  z.object({ kind: z.literal('outage_declared'), outageId: id }),
  z.object({ kind: z.literal('milestone_overdue'), outageId: id, milestone: z.string().min(1).max(40) }),
]);
export type NotifyPayload = z.infer<typeof notifyPayload>;
// The payload's kinds and the notification kinds are one list.
const _kindsMatch: NotifyPayload['kind'] extends (typeof NOTIFICATION_KINDS)[number] ? true : never = true;
void _kindsMatch;

/** What a notify event is about: with the kind, one notification per recipient and subject. */
export function notifySubjectKey(p: NotifyPayload): string {
  switch (p.kind) {
    case 'dispute_due':
    case 'dispute_breached':
      return `dispute:${p.disputeId}`;
    case 'credit_pending':
    case 'credit_decided':
      return `credit:${p.creditRequestId}`;
    case 'retention_escalation':
      return `retention:${p.retentionCaseId}`;
    case 'outage_declared':
      return `outage:${p.outageId}`;
    case 'milestone_overdue':
      return `outage:${p.outageId}:${p.milestone}`;
  }
}

export const QUEUES = {
  /** Fan-out of one event into notification rows, one per recipient (idempotent per recipient). */
  notify: {
    payload: notifyPayload,
    options: { ...retried, policy: 'short' },
    singletonKey: (p: NotifyPayload) => `${p.kind}:${notifySubjectKey(p)}`,
  },
  /** One notification's email; a sent one is never sent again. */
  'notification-email': {
    payload: z.object({ notificationId: id }),
    options: { ...retried, retryLimit: 8, policy: 'short' },
    singletonKey: (p: { notificationId: number }) => `notification:${p.notificationId}`,
  },
  /** Periodic: disputes due soon or breached, outage milestones past their target. One at a time. */
  'sla-sweep': {
    payload: z.object({}).strict(),
    options: { retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60, policy: 'stately' },
    singletonKey: () => 'sla-sweep',
  },
  /**
   * An outage's SMS or unlimited data to every affected customer, in batches; one waiting or
   * running job per outage and channel. A failed batch fails the job, whose retry sends only
   * what is not sent yet (server/services/outage-comms/run-dispatch.ts).
   */
  'outage-dispatch': {
    payload: z.object({
      outageId: id,
      channel: z.enum(DISPATCH_CHANNELS),
      /** The SMS text version chosen at the click. */
      textId: id.optional(),
      requestedBy: id,
    }),
    options: { retryLimit: 6, retryDelay: 20, retryBackoff: true, expireInSeconds: 30 * 60, policy: 'stately' },
    singletonKey: (p: { outageId: number; channel: string }) => `outage:${p.outageId}:${p.channel}`,
  },
  /** Periodic (every minute): due export schedules become runs, expired export files are dropped. */
  'export-schedule-sweep': {
    payload: z.object({}).strict(),
    options: { retryLimit: 1, retryDelay: 30, expireInSeconds: 5 * 60, policy: 'stately' },
    singletonKey: () => 'export-schedule-sweep',
  },
  /**
   * One scheduled export run: the file in the owner's scope, then an email per recipient. A retry
   * keeps a stored file and mails only those not mailed yet (server/services/export-schedules/run.ts).
   */
  'scheduled-export': {
    payload: z.object({ runId: id }),
    options: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60, policy: 'short' },
    singletonKey: (p: { runId: number }) => `export-run:${p.runId}`,
  },
} as const satisfies Record<string, QueueDefinition>;

export type QueueName = keyof typeof QUEUES;
export type QueuePayload<Q extends QueueName> = z.infer<(typeof QUEUES)[Q]['payload']>;

export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

export function isQueueName(value: string): value is QueueName {
  return Object.hasOwn(QUEUES, value);
}
