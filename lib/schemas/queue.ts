import { parseAsFloat, parseAsInteger, parseAsString, parseAsStringLiteral, type inferParserType } from 'nuqs/server';
import { z } from 'zod';
import { DISPUTE_CAUSES, type DisputeStatus } from '../vocabularies';

export const QUEUE_PAGE_SIZE = 100;

/** A dispute is "due soon" when its SLA deadline is at most this many hours away. */
export const DUE_SOON_HOURS = 8;

/** The queue holds unresolved disputes only. */
export const QUEUE_STATUSES = [
  'open',
  'investigating',
  'awaiting_recalculation',
] as const satisfies readonly DisputeStatus[];

export const SLA_STATES = ['breached', 'due-soon', 'on-track'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** Sortable columns; the service maps each key to a column, the key itself never reaches SQL. */
export const QUEUE_SORTS = [
  'ref',
  'account',
  'region',
  'cause',
  'bill',
  'amount',
  'status',
  'assignee',
  'opened',
  'due',
] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export type QueueSortDirection = 'asc' | 'desc';

export const DEFAULT_QUEUE_SORT: { sort: QueueSort; dir: QueueSortDirection } = { sort: 'due', dir: 'asc' };

/** Amounts sort biggest first on the first click; everything else ascending (due: most urgent first). */
export function firstQueueDirection(sort: QueueSort): QueueSortDirection {
  return sort === 'amount' ? 'desc' : 'asc';
}

/** Breached at the deadline itself; due soon within DUE_SOON_HOURS of it; on track before that. */
export function slaStateAt(dueAtMs: number, nowMs: number): SlaState {
  if (dueAtMs <= nowMs) return 'breached';
  if (dueAtMs <= nowMs + DUE_SOON_HOURS * 3_600_000) return 'due-soon';
  return 'on-track';
}

const email = z.string().trim().toLowerCase().pipe(z.email());
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);
const cents = z.number().int().min(0).max(100_000_000_000);

const filterShape = {
  status: optional(z.enum(QUEUE_STATUSES)),
  cause: optional(z.enum(DISPUTE_CAUSES)),
  sla: optional(z.enum(SLA_STATES)),
  /** 1 = the customer's first bill. */
  billNumber: optional(z.number().int().min(1).max(10_000)),
  minAmountCents: optional(cents),
  maxAmountCents: optional(cents),
  /**
   * Managers only: a rep's email, or `unassigned`. A rep's queue is always their own,
   * whatever this says.
   */
  assignee: optional(z.union([z.literal('unassigned'), email])),
};

const amountsInOrder = (q: { minAmountCents: number | null; maxAmountCents: number | null }) =>
  q.minAmountCents === null || q.maxAmountCents === null || q.minAmountCents <= q.maxAmountCents;
const amountOrderIssue = { error: 'The minimum amount is above the maximum.', path: ['maxAmountCents'] };

export const queueCountsSchema = z.object(filterShape).refine(amountsInOrder, amountOrderIssue);

export const queueListSchema = z
  .object({
    ...filterShape,
    sort: z.enum(QUEUE_SORTS).default(DEFAULT_QUEUE_SORT.sort),
    dir: optional(z.enum(['asc', 'desc'])),
    page: z.number().int().min(1).max(100_000).default(1),
  })
  .refine(amountsInOrder, amountOrderIssue);

export type QueueFilters = z.output<typeof queueCountsSchema>;
export type QueueListInput = z.output<typeof queueListSchema>;

/** The queue's URL: `/queue?status=…&cause=…&sla=…&bill=1&min=50&max=200&assignee=…&sort=…&dir=…&page=2`. */
export const queueUrlParsers = {
  status: parseAsStringLiteral(QUEUE_STATUSES),
  cause: parseAsStringLiteral(DISPUTE_CAUSES),
  sla: parseAsStringLiteral(SLA_STATES),
  bill: parseAsInteger,
  /** Amounts in currency units (50 = 50.00), as people type them. */
  min: parseAsFloat,
  max: parseAsFloat,
  assignee: parseAsString,
  sort: parseAsStringLiteral(QUEUE_SORTS),
  dir: parseAsStringLiteral(['asc', 'desc'] as const),
  page: parseAsInteger.withDefault(1),
};
export type QueueUrl = inferParserType<typeof queueUrlParsers>;

/** The keys a saved view keeps: the filters and the order, not the page. */
export const QUEUE_VIEW_KEYS = ['status', 'cause', 'sla', 'bill', 'min', 'max', 'assignee', 'sort', 'dir'] as const;

const URL_KEYS: Record<string, string> = { billNumber: 'bill', minAmountCents: 'min', maxAmountCents: 'max' };

const toCents = (units: number | null) => (units === null ? null : Math.round(units * 100));

/**
 * The list a queue URL asks for. Values outside a vocabulary were already dropped by the parsers;
 * what is left and still wrong (a negative amount, min above max) is reported, not guessed at.
 */
export function queueRequest(url: QueueUrl): { ok: true; input: QueueListInput } | { ok: false; error: string } {
  const parsed = queueListSchema.safeParse({
    status: url.status,
    cause: url.cause,
    sla: url.sla,
    billNumber: url.bill,
    minAmountCents: toCents(url.min),
    maxAmountCents: toCents(url.max),
    assignee: url.assignee,
    sort: url.sort ?? undefined,
    dir: url.dir,
    page: Math.min(Math.max(1, url.page), 100_000),
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const error = parsed.error.issues
    .map((issue) => {
      const key = String(issue.path[0] ?? '');
      return issue.code === 'custom' ? issue.message : `"${URL_KEYS[key] ?? key}" is not valid: ${issue.message}.`;
    })
    .join(' ');
  return { ok: false, error };
}

/** The filters of a list input, for the counts. */
export function queueFiltersOf(input: QueueListInput): QueueFilters {
  const { status, cause, sla, billNumber, minAmountCents, maxAmountCents, assignee } = input;
  return { status, cause, sla, billNumber, minAmountCents, maxAmountCents, assignee };
}
