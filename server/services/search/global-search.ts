import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { customerHref } from '@/lib/customer-links';
import type { SessionUser } from '../../auth/session-user';
import { inScope as disputeInScope } from '../disputes/access';
import { customerScope, regionInScope } from '../customers/scope';
import { likeEscape, nameContains, phoneContains, refContains } from './match';

/** At most this many results of each kind. */
export const SEARCH_LIMIT = 6;

export interface SearchResults {
  customers: { accountNumber: string; name: string | null; regionCode: string; churned: boolean; href: string }[];
  disputes: { ref: string; accountNumber: string; status: string; cause: string; href: string }[];
  retentionCases: { ref: string; accountNumber: string; outcome: string; href: string }[];
  outages: { ref: string; title: string; severity: string; href: string }[];
}

/** The item's place on its customer's page (the timeline entry has the reference as its id). */
const onCustomerPage = (account: string, ref: string) => `${customerHref(account)}#${encodeURIComponent(ref)}`;

/**
 * Customers by account number, name or phone, and disputes, retention cases and outages by
 * reference, within the actor's scope: the customers of their region for reps and regional
 * managers (every customer for the others), outages that affect that region, none for reps, who
 * have no outage pages. A case the actor cannot open on its own page leads to its customer's page.
 */
export async function globalSearch(db: Db, actor: SessionUser, params: { q: string }): Promise<SearchResults> {
  const q = params.q.trim();
  const scope = customerScope(actor);
  const inRegion = regionInScope(scope, sql`c.region_code`);
  const exact = q.toLowerCase();
  const outageScope =
    actor.role === 'rep'
      ? sql`false`
      : actor.role === 'manager' && actor.regionCode !== null
        ? sql`exists (select 1 from outage_regions orr where orr.outage_id = o.id and orr.region_code = ${actor.regionCode})`
        : sql`true`;

  const [customers, disputes, cases, outages] = await Promise.all([
    queryRows<{ account_number: string; name: string | null; region_code: string; churned: boolean }>(
      db,
      sql`select c.account_number, c.name, c.region_code, c.churned_at is not null as churned
        from customers c
        where ${inRegion}
          and (${refContains(sql`c.account_number`, q)} or ${nameContains(sql`c.name`, q)} or ${phoneContains(sql`c`, q)})
        -- Someone typing an account number reads the matches in account order; a name, in name order.
        order by lower(c.account_number) = ${exact} desc,
          case when lower(c.account_number) like ${`${likeEscape(exact)}%`} then c.account_number end,
          c.name, c.account_number
        limit ${SEARCH_LIMIT}`,
    ),
    queryRows<{
      dispute_ref: string;
      status: string;
      cause: string;
      assigned_to_id: number | string | null;
      account_number: string;
      region_code: string;
    }>(
      db,
      sql`select d.dispute_ref, d.status, d.cause, d.assigned_to_id, c.account_number, c.region_code
        from disputes d join customers c on c.id = d.customer_id
        where ${inRegion} and ${refContains(sql`d.dispute_ref`, q)}
        order by lower(d.dispute_ref) = ${exact} desc, d.opened_at desc
        limit ${SEARCH_LIMIT}`,
    ),
    queryRows<{ case_ref: string; outcome: string; rep_id: number | string; account_number: string }>(
      db,
      sql`select r.case_ref, r.outcome, r.rep_id, c.account_number
        from retention_cases r join customers c on c.id = r.customer_id
        where ${inRegion} and ${refContains(sql`r.case_ref`, q)}
        order by lower(r.case_ref) = ${exact} desc, r.opened_at desc
        limit ${SEARCH_LIMIT}`,
    ),
    queryRows<{ outage_ref: string; title: string; severity: string }>(
      db,
      sql`select o.outage_ref, o.title, o.severity
        from outages o
        where ${outageScope} and ${refContains(sql`o.outage_ref`, q)}
        order by lower(o.outage_ref) = ${exact} desc, o.started_at desc
        limit ${SEARCH_LIMIT}`,
    ),
  ]);

  return {
    customers: customers.map((c) => ({
      accountNumber: c.account_number,
      name: c.name,
      regionCode: c.region_code,
      churned: c.churned,
      href: customerHref(c.account_number),
    })),
    disputes: disputes.map((d) => {
      const assignedToId = d.assigned_to_id === null ? null : Number(d.assigned_to_id);
      const open = disputeInScope(actor, { assignedToId, regionCode: d.region_code });
      return {
        ref: d.dispute_ref,
        accountNumber: d.account_number,
        status: d.status,
        cause: d.cause,
        href: open ? `/disputes/${encodeURIComponent(d.dispute_ref)}` : onCustomerPage(d.account_number, d.dispute_ref),
      };
    }),
    retentionCases: cases.map((r) => ({
      ref: r.case_ref,
      accountNumber: r.account_number,
      outcome: r.outcome,
      href:
        actor.role === 'rep' && Number(r.rep_id) === actor.id
          ? '/retention/mine'
          : onCustomerPage(r.account_number, r.case_ref),
    })),
    outages: outages.map((o) => ({
      ref: o.outage_ref,
      title: o.title,
      severity: o.severity,
      href: `/outages/${encodeURIComponent(o.outage_ref)}`,
    })),
  };
}
