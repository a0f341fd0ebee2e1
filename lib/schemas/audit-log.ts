import { parseAsInteger, parseAsString, type inferParserType } from 'nuqs/server';
import { z } from 'zod';

export const AUDIT_PAGE_SIZE = 50;

/** The actor filter's value for rows written without a signed-in user (the command line, start-up). */
export const SYSTEM_ACTOR = 'system';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .nullable()
    .default(null)
    .transform((v) => (v ? v : null));

const day = z.iso.date('A calendar date as YYYY-MM-DD.').nullable().default(null);

const filterShape = {
  /** A user's email, or `system`. */
  actor: text(320),
  entity: text(64),
  entityId: text(200),
  action: text(64),
  /** Calendar days in the report time zone, both included. */
  from: day,
  to: day,
};

const inOrder = (f: { from: string | null; to: string | null }) => f.from === null || f.to === null || f.from <= f.to;
const orderIssue = { error: 'The start date is after the end date.', path: ['to'] };

export const auditFiltersSchema = z.object(filterShape).refine(inOrder, orderIssue);
export type AuditFilters = z.output<typeof auditFiltersSchema>;

export const auditListInput = z
  .object({ ...filterShape, page: z.number().int().min(1).max(1_000_000).default(1) })
  .refine(inOrder, orderIssue);
export type AuditListInput = z.output<typeof auditListInput>;

/** `/admin/audit?actor=&entity=&id=&action=&from=&to=&page=`; the CSV route reads the same keys. */
export const auditUrlParsers = {
  actor: parseAsString,
  entity: parseAsString,
  id: parseAsString,
  action: parseAsString,
  from: parseAsString,
  to: parseAsString,
  page: parseAsInteger.withDefault(1),
};
export type AuditUrl = inferParserType<typeof auditUrlParsers>;

const URL_KEYS: Record<string, string> = { entityId: 'id' };

/** What an audit URL asks for; a wrong value is reported, not guessed at. */
export function auditRequest(url: AuditUrl): { ok: true; input: AuditListInput } | { ok: false; error: string } {
  const parsed = auditListInput.safeParse({
    actor: url.actor,
    entity: url.entity,
    entityId: url.id,
    action: url.action,
    from: url.from,
    to: url.to,
    page: Math.min(Math.max(1, url.page), 1_000_000),
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const error = parsed.error.issues
    .map((issue) => {
      const key = String(issue.path[0] ?? '');
      return issue.code === 'custom' ? issue.message : `"${URL_KEYS[key] ?? key}" is not valid: ${issue.message}`;
    })
    .join(' ');
  return { ok: false, error };
}

export function auditFiltersOf(input: AuditListInput): AuditFilters {
  const { actor, entity, entityId, action, from, to } = input;
  return { actor, entity, entityId, action, from, to };
}

/** The CSV export of the rows the filters select (all pages). */
export function auditCsvUrl(filters: AuditFilters): string {
  const query = new URLSearchParams();
  const keys = { actor: 'actor', entity: 'entity', entityId: 'id', action: 'action', from: 'from', to: 'to' } as const;
  for (const [key, param] of Object.entries(keys) as [keyof typeof keys, string][]) {
    const value = filters[key];
    if (value !== null) query.set(param, value);
  }
  const qs = query.toString();
  return `/api/v1/admin/audit.csv${qs ? `?${qs}` : ''}`;
}
