import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { rollupDisputes as rd, users } from '@/db/schema';
import { disputeMeasures, disputeRollupScope, type DisputeParams } from './disputes';
import { percentile, regionMatch, repMatch, toInt, toNumberOrNull, type KpiFilters } from './filters';
import { monthsBetween } from './month-range';
import { periodBounds } from './period';
import { inGrains, periodGrains } from './rollups/days';
import { ensureRollups } from './rollups/state';
import { ratioOf, sumOf } from './rollups/sum';
import { disputeOpenedIn, disputeResolvedIn, hoursToResolve } from './rules/disputes';
import { c, d } from './rules/tables';

export interface MonthlyByCauseParams extends KpiFilters {
  /** Calendar months YYYY-MM, inclusive, in the report time zone. */
  fromMonth: string;
  toMonth: string;
  tz: string;
}

export interface MonthlyByCause {
  months: string[];
  /** Only the (month, cause) pairs with disputes, by month then cause. */
  rows: { month: string; cause: string; count: number; disputedCents: number }[];
}

export interface DisputesByRepRow {
  /** The assigned rep's email; null for disputes nobody is assigned to. */
  rep: string | null;
  name: string | null;
  opened: number;
  resolved: number;
  slaComplianceRate: number | null;
  medianHoursToResolve: number | null;
  creditedCents: number;
}

export interface FirstBillBySellerRow {
  /** The email of the rep who sold the contract (customers.sold_by); null when none is recorded. */
  seller: string | null;
  name: string | null;
  count: number;
  disputedCents: number;
  /** Of these disputes, how many were found undue (`undue_charge = true`) so far. */
  undueSoFar: number;
  /** Credited on these disputes so far. */
  creditedSoFarCents: number;
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const FROM = sql`disputes d join customers c on c.id = d.customer_id`;
const scope = (filters: KpiFilters) =>
  sql`${regionMatch(sql`c.region_code`, filters.region)} and ${repMatch(sql`d.assigned_to_id`, filters.rep)}`;

/** Disputes opened in each calendar month, by cause (docs/metrics.md `byCause` with P = each month). */
export async function disputesOpenedByCauseMonthly(db: Db, params: MonthlyByCauseParams): Promise<MonthlyByCause> {
  if (params.fromMonth > params.toMonth) return { months: [], rows: [] };
  await ensureRollups(db, { tz: params.tz });
  const rows = await db
    .select({
      month: sql<string>`to_char(${rd.day}, 'YYYY-MM')`,
      cause: rd.cause,
      count: sumOf(rd.disputes),
      disputedCents: sumOf(rd.disputedCents),
    })
    .from(rd)
    .where(
      and(
        eq(rd.event, 'opened'),
        sql`${rd.grain} = 'm' and ${rd.day} between ${`${params.fromMonth}-01`}::date and ${`${params.toMonth}-01`}::date`,
        disputeRollupScope(params),
      ),
    )
    .groupBy(rd.day, rd.cause)
    .having(sql`sum(${rd.disputes}) > 0`)
    .orderBy(rd.day, sql`${rd.cause} collate "C"`);
  return { months: monthsBetween(params.fromMonth, params.toMonth), rows };
}

/** The exact median hours to resolve per assigned rep (0: nobody) of the disputes resolved in P. */
async function medianHoursByRep(db: Db, params: DisputeParams): Promise<Map<number, number | null>> {
  const rows = await db
    .select({
      repId: sql<number>`coalesce(${d.assignedToId}, 0)`.mapWith(Number),
      median: percentile(0.5, hoursToResolve).mapWith(toNumberOrNull),
    })
    .from(d)
    .innerJoin(c, eq(c.id, d.customerId))
    .where(
      and(
        disputeResolvedIn(periodBounds(params.period)),
        regionMatch(sql`${c.regionCode}`, params.region),
        repMatch(sql`${d.assignedToId}`, params.rep),
      ),
    )
    .groupBy(sql`coalesce(${d.assignedToId}, 0)`);
  return new Map(rows.map((r) => [r.repId, r.median]));
}

/**
 * The dispute figures of docs/metrics.md per assigned rep: opened in P, resolved in P, SLA compliance
 * and median hours over those resolved, credited over those resolved. Sorted by email, unassigned last.
 */
export async function disputesByRep(db: Db, params: DisputeParams): Promise<DisputesByRepRow[]> {
  await ensureRollups(db, { tz: params.period.tz, disputeSlaHours: params.disputeSlaHours });
  const [rows, medians] = await Promise.all([
    db
      .select({ repId: rd.repId, rep: users.email, name: users.name, ...disputeMeasures })
      .from(rd)
      .leftJoin(users, eq(users.id, rd.repId))
      .where(and(inGrains(rd, periodGrains(params.period.from, params.period.to)), disputeRollupScope(params)))
      .groupBy(rd.repId, users.email, users.name)
      .having(sql`sum(${rd.disputes}) filter (where ${rd.event} = 'opened' or ${rd.closedStatus}) > 0`)
      .orderBy(sql`${users.email} collate "C" nulls last`),
    medianHoursByRep(db, params),
  ]);
  return rows.map((r) => ({
    rep: r.rep,
    name: r.name,
    opened: r.opened,
    resolved: r.resolved,
    slaComplianceRate: ratioOf(r.inSla, r.resolved),
    medianHoursToResolve: medians.get(r.repId) ?? null,
    creditedCents: r.creditedCents,
  }));
}

/**
 * First-bill disputes (`bill_number = 1`) opened in P, by the rep who sold the contract:
 * the sale owns the follow-up. Sorted by count desc, then seller email (none last on a tie).
 */
export async function firstBillDisputesBySeller(db: Db, params: DisputeParams): Promise<FirstBillBySellerRow[]> {
  const bounds = periodBounds(params.period);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select s.email as seller, s.name, count(*)::int as count,
        coalesce(sum(d.disputed_amount_cents), 0)::bigint as "disputedCents",
        count(*) filter (where d.undue_charge)::int as "undueSoFar",
        coalesce(sum(d.credited_amount_cents), 0)::bigint as "creditedSoFarCents"
      from ${FROM} left join users s on s.id = c.sold_by_id
      where ${disputeOpenedIn(bounds)} and d.bill_number = 1 and ${scope(params)}
      group by s.email, s.name
      order by count(*) desc, s.email collate "C" nulls last`,
  );
  return rows.map((r) => ({
    seller: textOrNull(r.seller),
    name: textOrNull(r.name),
    count: toInt(r.count),
    disputedCents: toInt(r.disputedCents),
    undueSoFar: toInt(r.undueSoFar),
    creditedSoFarCents: toInt(r.creditedSoFarCents),
  }));
}
