import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { SERVICE_KINDS, type ServiceKind } from '@/lib/billing';
import { assignmentFor } from '../../compensation-policies/choose';
import { customerCompensation } from '../../compensation-policies/evaluate';
import type {
  CustomerCompensation,
  OperatorPolicy,
  OutageFacts,
  PolicyAssignment,
  ServiceAmounts,
} from '../../compensation-policies/types';
import { affectedCount, affectedCustomer } from '../../metrics/outages';
import { toInt } from '../../metrics/filters';
import type { Settings } from '../settings';
import type { OutageRow } from './access';

/** What every customer's amount for one outage depends on, read once per request. */
export interface CompensationBasis {
  outageId: number;
  facts: OutageFacts;
  operator: OperatorPolicy;
  assignments: readonly PolicyAssignment[];
  reportTz: string;
}

export function operatorPolicy(settings: Settings): OperatorPolicy {
  return {
    multiplier: settings.outageCompMultiplier,
    floorCents: settings.outageCompFloorCents,
    minHours: settings.outageCompMinHours,
  };
}

/** The outage's facts (an open outage runs to `now`) and the settings the rules read. */
export async function compensationBasis(
  db: Db,
  outage: OutageRow,
  settings: Settings,
  now: Date,
): Promise<CompensationBasis> {
  const [counted] = await queryRows<{ affected: unknown }>(
    db,
    sql`select ${affectedCount(null)} as affected from outages o where o.id = ${outage.id}`,
  );
  const endedAt = outage.resolvedAt ?? (now > outage.startedAt ? now : outage.startedAt);
  return {
    outageId: outage.id,
    facts: {
      startedAt: outage.startedAt,
      endedAt,
      forceMajeure: outage.forceMajeure,
      services: outage.services === null ? null : outage.services.filter(isServiceKind),
      affectedSubscribers: toInt(counted?.affected),
    },
    operator: operatorPolicy(settings),
    assignments: settings.legalCompensationPolicies,
    reportTz: settings.reportTz,
  };
}

function isServiceKind(value: string): value is ServiceKind {
  return (SERVICE_KINDS as readonly string[]).includes(value);
}

export interface AffectedCompensation extends CustomerCompensation {
  id: number;
  accountNumber: string;
  postcode: string | null;
  regionCode: string;
  monthlyFeeCents: number;
  /** The outage credit already issued to the customer for this outage, or null. */
  creditedCents: number | null;
}

/** json arrives parsed from one driver and as text from another. */
function parsed<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Owed something automatically and not credited yet. */
export const isStillOwed = (a: AffectedCompensation) => a.creditedCents === null && a.owedCents > 0;

interface Row {
  id: unknown;
  account_number: string;
  postcode: string | null;
  region_code: string;
  monthly_fee_cents: unknown;
  services: Record<ServiceKind, unknown> | null;
  bills: Record<ServiceKind, unknown>[] | null;
  credited_cents: unknown;
}

const amounts = (raw: Record<ServiceKind, unknown>): ServiceAmounts =>
  Object.fromEntries(
    SERVICE_KINDS.flatMap((k) => (raw[k] === null || raw[k] === undefined ? [] : [[k, toInt(raw[k])]])),
  );

/**
 * The affected customers of the outage (the KPI engine's definition; only `region`'s for a
 * regional manager, or only `account`), in id order, a page at a time, each with the legal
 * minimum under their region's policy, its explanation and what the operator owes on top.
 */
export async function* affectedCompensations(
  db: Db,
  basis: CompensationBasis,
  options: { region: string | null; account?: string; pageSize?: number },
): AsyncGenerator<AffectedCompensation[]> {
  const pageSize = options.pageSize ?? 5_000;
  // The three calendar months before the outage's month, in the report time zone.
  const monthStart = sql`date_trunc('month', o.started_at at time zone ${basis.reportTz})::date`;
  let afterId = 0;
  for (;;) {
    const rows = await queryRows<Row>(
      db,
      sql`select c.id, c.account_number, c.postcode, c.region_code, c.monthly_fee_cents,
          case when s.customer_id is null then null else json_build_object('internet', s.internet_fee_cents,
            'landline', s.landline_fee_cents, 'mobile', s.mobile_fee_cents, 'tv', s.tv_fee_cents) end as services,
          (select coalesce(json_agg(json_build_object('internet', b.internet_cents, 'landline', b.landline_cents,
              'mobile', b.mobile_cents, 'tv', b.tv_cents) order by b.period), '[]'::json)
            from bills b where b.customer_id = c.id
              and b.period >= (${monthStart} - interval '3 months')::date and b.period < ${monthStart}) as bills,
          k.amount_cents as credited_cents
        from outages o
        join customers c on ${affectedCustomer(options.region)}
        left join customer_services s on s.customer_id = c.id
        -- The outage id as a value: the partial unique index (outage_id, customer_id) serves the lookup.
        left join compensations k on k.outage_id = ${basis.outageId} and k.customer_id = c.id and k.kind = 'outage_credit'
        where o.id = ${basis.outageId} and c.id > ${afterId}
          and (${options.account ?? null}::text is null or c.account_number = ${options.account ?? null})
        order by c.id limit ${pageSize}`,
    );
    if (rows.length === 0) return;
    afterId = toInt(rows[rows.length - 1]?.id);
    yield rows.map((r) => {
      const services = parsed<Row['services']>(r.services);
      const bills = parsed<Row['bills']>(r.bills);
      const monthlyFeeCents = toInt(r.monthly_fee_cents);
      const assignment = assignmentFor(basis.assignments, r.region_code, basis.facts.startedAt, basis.reportTz);
      const customer = {
        monthlyFeeCents,
        services: services === null ? null : amounts(services),
        previousBills: Array.isArray(bills) ? bills.map(amounts) : [],
      };
      return {
        id: toInt(r.id),
        accountNumber: r.account_number,
        postcode: r.postcode,
        regionCode: r.region_code,
        monthlyFeeCents,
        creditedCents: r.credited_cents === null ? null : toInt(r.credited_cents),
        ...customerCompensation(customer, basis.facts, assignment, basis.operator),
      };
    });
    if (rows.length < pageSize) return;
  }
}
