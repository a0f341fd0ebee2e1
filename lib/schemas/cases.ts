import type { inferParserType } from 'nuqs/server';
import { z } from 'zod';
import type { DashboardQueryInput } from '../dashboard-filters';
import type { DrilldownDataset, drilldownParsers } from '../drilldown';
import { isCalendarDate } from '../periods';
import { CHURN_CATEGORIES, COMPENSATION_KINDS, DISPUTE_CAUSES, OFFER_TYPES, RETENTION_OUTCOMES } from '../vocabularies';

export const CASES_PAGE_SIZE = 50;

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const DISPUTE_BASES = ['opened', 'resolved', 'backlog'] as const;
export type DisputeBasis = (typeof DISPUTE_BASES)[number];
export const RETENTION_BASES = ['closed', 'opened'] as const;
export type RetentionBasis = (typeof RETENTION_BASES)[number];

/** Backlog age buckets (end of the period − opened_at), as server/metrics/backlog-ageing.ts counts them. */
export const BACKLOG_AGES = ['0-24h', '24-72h', '3-7d', '7d+'] as const;
export type BacklogAge = (typeof BACKLOG_AGES)[number];

/** The columns each list can be sorted by; the services map each key to a column, nothing else. */
export const CASE_SORTS = {
  disputes: [
    'ref',
    'account',
    'region',
    'cause',
    'amount',
    'status',
    'rep',
    'billNumber',
    'opened',
    'resolved',
    'hoursToResolve',
    'credited',
  ],
  'retention-cases': [
    'ref',
    'account',
    'rep',
    'reason',
    'offerType',
    'outcome',
    'mrrAtRisk',
    'discount',
    'opened',
    'closed',
  ],
  'churned-customers': ['account', 'region', 'plan', 'fee', 'activated', 'churned', 'category', 'competitor', 'soldBy'],
  compensations: ['ref', 'account', 'region', 'kind', 'amount', 'issued', 'issuer', 'linked'],
} as const satisfies Record<DrilldownDataset, readonly string[]>;
export type CaseSort<D extends DrilldownDataset> = (typeof CASE_SORTS)[D][number];

/** Amounts, durations and dates sort biggest or newest first on the first click; text A→Z. */
const DESC_FIRST: ReadonlySet<string> = new Set([
  'amount',
  'credited',
  'hoursToResolve',
  'billNumber',
  'mrrAtRisk',
  'discount',
  'fee',
  'opened',
  'resolved',
  'closed',
  'activated',
  'churned',
  'issued',
]);

export function firstDirection(sort: string): SortDirection {
  return DESC_FIRST.has(sort) ? 'desc' : 'asc';
}

const calendarDate = z.string().refine(isCalendarDate, { error: 'expected a calendar date YYYY-MM-DD' });
const email = z.string().trim().toLowerCase().pipe(z.email());
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);

const common = {
  from: calendarDate,
  to: calendarDate,
  region: optional(z.string().max(32)),
  rep: optional(z.string().max(254)),
  /** Email of the user who sold the customer's contract (customers.sold_by). */
  soldBy: optional(email),
  dir: optional(z.enum(SORT_DIRECTIONS)),
  page: z.number().int().min(1).max(1_000_000).default(1),
};
const periodInOrder = (q: { from: string; to: string }) => q.from <= q.to;
const periodOrderIssue = { error: 'from must be on or before to', path: ['to'] };

export const disputeCasesSchema = z
  .object({
    ...common,
    basis: optional(z.enum(DISPUTE_BASES)),
    cause: optional(z.enum(DISPUTE_CAUSES)),
    firstBill: z.boolean().default(false),
    age: optional(z.enum(BACKLOG_AGES)),
    sort: optional(z.enum(CASE_SORTS.disputes)),
  })
  .refine(periodInOrder, periodOrderIssue);

export const retentionCasesSchema = z
  .object({
    ...common,
    basis: optional(z.enum(RETENTION_BASES)),
    offerType: optional(z.enum(OFFER_TYPES)),
    reason: optional(z.enum(CHURN_CATEGORIES)),
    outcome: optional(z.enum(RETENTION_OUTCOMES)),
    sort: optional(z.enum(CASE_SORTS['retention-cases'])),
  })
  .refine(periodInOrder, periodOrderIssue);

export const churnedCustomersSchema = z
  .object({
    ...common,
    category: optional(z.enum(CHURN_CATEGORIES)),
    competitor: optional(z.string().trim().min(1).max(120)),
    sort: optional(z.enum(CASE_SORTS['churned-customers'])),
  })
  .refine(periodInOrder, periodOrderIssue);

export const compensationCasesSchema = z
  .object({
    ...common,
    kind: optional(z.enum(COMPENSATION_KINDS)),
    /** The issuing user's email, or `automatic` for compensation no rep issued. */
    issuer: optional(z.union([z.literal('automatic'), email])),
    sort: optional(z.enum(CASE_SORTS.compensations)),
  })
  .refine(periodInOrder, periodOrderIssue);

export type DisputeCasesQuery = z.output<typeof disputeCasesSchema>;
export type RetentionCasesQuery = z.output<typeof retentionCasesSchema>;
export type ChurnedCustomersQuery = z.output<typeof churnedCustomersSchema>;
export type CompensationCasesQuery = z.output<typeof compensationCasesSchema>;

/** The basis a list uses when the link names none: what the dashboard's headline figure counts. */
export function disputeBasis(q: { basis?: DisputeBasis | null; age?: BacklogAge | null }): DisputeBasis {
  // An age bucket only exists for the backlog.
  return q.basis ?? (q.age ? 'backlog' : 'opened');
}

export function retentionBasis(q: { basis?: RetentionBasis | null }): RetentionBasis {
  return q.basis ?? 'closed';
}

/** The order a list is shown in when the URL names none. */
export function defaultSort(dataset: DrilldownDataset, basis?: string): { sort: string; dir: SortDirection } {
  switch (dataset) {
    case 'disputes':
      if (basis === 'resolved') return { sort: 'resolved', dir: 'desc' };
      // The backlog's oldest cases first: they are the ones breaching.
      if (basis === 'backlog') return { sort: 'opened', dir: 'asc' };
      return { sort: 'opened', dir: 'desc' };
    case 'retention-cases':
      return basis === 'opened' ? { sort: 'opened', dir: 'desc' } : { sort: 'closed', dir: 'desc' };
    case 'churned-customers':
      return { sort: 'churned', dir: 'desc' };
    case 'compensations':
      return { sort: 'issued', dir: 'desc' };
  }
}

/** The sort a list actually uses: the requested key (direction defaulting by column) or the list's default. */
export function effectiveSort<S extends string>(
  dataset: DrilldownDataset,
  q: { sort?: S | null; dir?: SortDirection | null },
  basis?: string,
): { sort: S; dir: SortDirection } {
  if (q.sort) return { sort: q.sort, dir: q.dir ?? firstDirection(q.sort) };
  const fallback = defaultSort(dataset, basis);
  return { sort: fallback.sort as S, dir: q.dir ?? fallback.dir };
}

export type CasesRequest =
  | { dataset: 'disputes'; input: DisputeCasesQuery }
  | { dataset: 'retention-cases'; input: RetentionCasesQuery }
  | { dataset: 'churned-customers'; input: ChurnedCustomersQuery }
  | { dataset: 'compensations'; input: CompensationCasesQuery };

type DrilldownUrl = inferParserType<typeof drilldownParsers>;

function describeIssues(error: z.ZodError, raw: Record<string, string | number | null>): string {
  return error.issues
    .map((issue) => {
      const key = String(issue.path[0] ?? 'filter');
      return raw[key] === undefined || raw[key] === null ? issue.message : `"${key}" cannot be "${String(raw[key])}".`;
    })
    .join(' ');
}

/**
 * The list a drill-down URL asks for: the resolved dashboard filters plus the narrowing that
 * applies to the dataset (other parameters are ignored). An unknown sort key falls back to the
 * default order; an unknown narrowing value is an error, since it would change which rows count.
 */
export function casesRequest(
  dataset: DrilldownDataset,
  filters: DashboardQueryInput,
  url: DrilldownUrl,
): { ok: true; request: CasesRequest } | { ok: false; error: string } {
  const sorts: readonly string[] = CASE_SORTS[dataset];
  const common = {
    ...filters,
    soldBy: url.soldBy,
    sort: url.sort !== null && sorts.includes(url.sort) ? url.sort : null,
    dir: url.dir,
    page: Math.min(Math.max(1, url.page), 1_000_000),
  };
  const raw: Record<string, string | number | null> = { ...url };
  switch (dataset) {
    case 'disputes': {
      const parsed = disputeCasesSchema.safeParse({
        ...common,
        basis: url.basis,
        cause: url.cause,
        firstBill: url.firstBill === 'true',
        age: url.age,
      });
      return parsed.success
        ? { ok: true, request: { dataset, input: parsed.data } }
        : { ok: false, error: describeIssues(parsed.error, raw) };
    }
    case 'retention-cases': {
      const parsed = retentionCasesSchema.safeParse({
        ...common,
        basis: url.basis,
        offerType: url.offerType,
        reason: url.reason,
        outcome: url.outcome,
      });
      return parsed.success
        ? { ok: true, request: { dataset, input: parsed.data } }
        : { ok: false, error: describeIssues(parsed.error, raw) };
    }
    case 'churned-customers': {
      const parsed = churnedCustomersSchema.safeParse({
        ...common,
        category: url.category,
        competitor: url.competitor,
      });
      return parsed.success
        ? { ok: true, request: { dataset, input: parsed.data } }
        : { ok: false, error: describeIssues(parsed.error, raw) };
    }
    case 'compensations': {
      const parsed = compensationCasesSchema.safeParse({ ...common, kind: url.kind, issuer: url.issuer });
      return parsed.success
        ? { ok: true, request: { dataset, input: parsed.data } }
        : { ok: false, error: describeIssues(parsed.error, raw) };
    }
  }
}
