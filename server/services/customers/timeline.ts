import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { affectedCustomer } from '../../metrics/outages';
import { toInt } from '../../metrics/filters';
import type { SessionUser } from '../../auth/session-user';
import { inScope as disputeInScope } from '../disputes/access';
import type { CustomerProfile } from './profile';

/** Where a timeline item leads, when the actor may open it there. */
type Href = string | null;

export type TimelineItem =
  | { kind: 'signup'; at: Date; plan: string | null }
  | { kind: 'churn'; at: Date; category: string | null; reason: string | null; competitor: string | null }
  | {
      kind: 'dispute';
      at: Date;
      ref: string;
      cause: string;
      status: string;
      disputedCents: number;
      creditedCents: number;
      resolvedAt: Date | null;
      assignedTo: string | null;
      href: Href;
    }
  | {
      kind: 'retention';
      at: Date;
      ref: string;
      reason: string;
      offerType: string;
      outcome: string;
      closedAt: Date | null;
      mrrAtRiskCents: number;
      rep: string;
      href: Href;
    }
  | {
      kind: 'compensation';
      at: Date;
      ref: string;
      compensationKind: string;
      amountCents: number;
      issuedBy: string | null;
      /** The dispute, retention case or outage it was issued for. */
      about: { kind: 'dispute' | 'retention' | 'outage'; ref: string; href: Href } | null;
    }
  | {
      kind: 'outage';
      at: Date;
      ref: string;
      title: string;
      severity: string;
      resolvedAt: Date | null;
      href: Href;
    };

type Instant = Date | string;
type Num = number | string;
const date = (value: Instant) => new Date(value);
const dateOrNull = (value: Instant | null) => (value === null ? null : new Date(value));
const idOrNull = (value: Num | null) => (value === null ? null : toInt(value));

interface DisputeRow {
  dispute_ref: string;
  opened_at: Instant;
  cause: string;
  status: string;
  disputed_amount_cents: Num;
  credited_amount_cents: Num;
  resolved_at: Instant | null;
  assigned_to_id: Num | null;
  assigned_to: string | null;
}
interface CaseRow {
  case_ref: string;
  opened_at: Instant;
  reason: string;
  offer_type: string;
  outcome: string;
  closed_at: Instant | null;
  mrr_at_risk_cents: Num;
  rep_id: Num;
  rep: string;
}
interface CompensationRow {
  comp_ref: string;
  issued_at: Instant;
  kind: string;
  amount_cents: Num;
  issued_by: string | null;
  dispute_ref: string | null;
  dispute_assignee: Num | null;
  case_ref: string | null;
  case_rep: Num | null;
  outage_ref: string | null;
  outage_lists_region: boolean | null;
}
interface OutageRow {
  outage_ref: string;
  started_at: Instant;
  title: string;
  severity: string;
  resolved_at: Instant | null;
  lists_region: boolean;
}

/** Links follow each page's own scope: a rep opens only their disputes, and no outage page. */
function links(actor: SessionUser) {
  return {
    dispute: (ref: string, assignedToId: number | null, regionCode: string): Href =>
      disputeInScope(actor, { assignedToId, regionCode }) ? `/disputes/${encodeURIComponent(ref)}` : null,
    retention: (repId: number): Href => (actor.role === 'rep' && repId === actor.id ? '/retention/mine' : null),
    outage: (ref: string, listsRegion: boolean): Href => {
      if (actor.role === 'rep') return null;
      if (actor.role === 'manager' && actor.regionCode !== null && !listsRegion) return null;
      return `/outages/${encodeURIComponent(ref)}`;
    },
  };
}

/** Everything that happened to one customer (already checked to be in the actor's scope), newest first. */
export async function customerTimeline(
  db: Db,
  actor: SessionUser,
  customer: Pick<
    CustomerProfile,
    'id' | 'regionCode' | 'plan' | 'activatedAt' | 'churnedAt' | 'churnCategory' | 'churnReason' | 'competitor'
  >,
): Promise<TimelineItem[]> {
  const id = customer.id;
  const link = links(actor);
  const [disputes, cases, compensations, outages] = await Promise.all([
    queryRows<DisputeRow>(
      db,
      sql`select d.dispute_ref, d.opened_at, d.cause, d.status, d.disputed_amount_cents, d.credited_amount_cents,
          d.resolved_at, d.assigned_to_id, u.name as assigned_to
        from disputes d left join users u on u.id = d.assigned_to_id
        where d.customer_id = ${id}`,
    ),
    queryRows<CaseRow>(
      db,
      sql`select r.case_ref, r.opened_at, r.reason, r.offer_type, r.outcome, r.closed_at, r.mrr_at_risk_cents,
          r.rep_id, u.name as rep
        from retention_cases r join users u on u.id = r.rep_id
        where r.customer_id = ${id}`,
    ),
    queryRows<CompensationRow>(
      db,
      sql`select k.comp_ref, k.issued_at, k.kind, k.amount_cents, u.name as issued_by,
          d.dispute_ref, d.assigned_to_id as dispute_assignee, r.case_ref, r.rep_id as case_rep, o.outage_ref,
          exists (select 1 from outage_regions orr where orr.outage_id = o.id and orr.region_code = ${actor.regionCode ?? ''})
            as outage_lists_region
        from compensations k
        left join users u on u.id = k.issued_by_id
        left join disputes d on d.id = k.dispute_id
        left join retention_cases r on r.id = k.retention_case_id
        left join outages o on o.id = k.outage_id
        where k.customer_id = ${id}`,
    ),
    queryRows<OutageRow>(
      db,
      sql`select o.outage_ref, o.started_at, o.title, o.severity, o.resolved_at,
          exists (select 1 from outage_regions orr where orr.outage_id = o.id and orr.region_code = ${actor.regionCode ?? ''})
            as lists_region
        from outages o cross join customers c
        where c.id = ${id} and ${affectedCustomer(null)}`,
    ),
  ]);

  const items: TimelineItem[] = [{ kind: 'signup', at: customer.activatedAt, plan: customer.plan }];
  if (customer.churnedAt) {
    items.push({
      kind: 'churn',
      at: customer.churnedAt,
      category: customer.churnCategory,
      reason: customer.churnReason,
      competitor: customer.competitor,
    });
  }
  for (const d of disputes) {
    items.push({
      kind: 'dispute',
      at: date(d.opened_at),
      ref: d.dispute_ref,
      cause: d.cause,
      status: d.status,
      disputedCents: toInt(d.disputed_amount_cents),
      creditedCents: toInt(d.credited_amount_cents),
      resolvedAt: dateOrNull(d.resolved_at),
      assignedTo: d.assigned_to,
      href: link.dispute(d.dispute_ref, idOrNull(d.assigned_to_id), customer.regionCode),
    });
  }
  for (const r of cases) {
    items.push({
      kind: 'retention',
      at: date(r.opened_at),
      ref: r.case_ref,
      reason: r.reason,
      offerType: r.offer_type,
      outcome: r.outcome,
      closedAt: dateOrNull(r.closed_at),
      mrrAtRiskCents: toInt(r.mrr_at_risk_cents),
      rep: r.rep,
      href: link.retention(toInt(r.rep_id)),
    });
  }
  for (const k of compensations) {
    items.push({
      kind: 'compensation',
      at: date(k.issued_at),
      ref: k.comp_ref,
      compensationKind: k.kind,
      amountCents: toInt(k.amount_cents),
      issuedBy: k.issued_by,
      about: compensationSubject(k, link, customer.regionCode),
    });
  }
  for (const o of outages) {
    items.push({
      kind: 'outage',
      at: date(o.started_at),
      ref: o.outage_ref,
      title: o.title,
      severity: o.severity,
      resolvedAt: dateOrNull(o.resolved_at),
      href: link.outage(o.outage_ref, o.lists_region),
    });
  }
  // Newest first; at the same instant, a stable order by kind and reference.
  return items.sort(
    (a, b) =>
      b.at.getTime() - a.at.getTime() ||
      a.kind.localeCompare(b.kind) ||
      ('ref' in a && 'ref' in b ? a.ref.localeCompare(b.ref) : 0),
  );
}

function compensationSubject(
  k: CompensationRow,
  link: ReturnType<typeof links>,
  regionCode: string,
): Extract<TimelineItem, { kind: 'compensation' }>['about'] {
  if (k.dispute_ref !== null) {
    return {
      kind: 'dispute',
      ref: k.dispute_ref,
      href: link.dispute(k.dispute_ref, idOrNull(k.dispute_assignee), regionCode),
    };
  }
  if (k.case_ref !== null && k.case_rep !== null) {
    return { kind: 'retention', ref: k.case_ref, href: link.retention(toInt(k.case_rep)) };
  }
  if (k.outage_ref !== null) {
    return { kind: 'outage', ref: k.outage_ref, href: link.outage(k.outage_ref, k.outage_lists_region === true) };
  }
  return null;
}
