import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';

/**
 * docs/metrics.md read a second time, in plain SQL over the base tables only: no rollup, no
 * production rule or metric function. The property test compares what the rollups serve with it.
 */

export interface OracleQuery {
  from: string;
  to: string;
  region: string | null;
  rep: string | null;
  tz: string;
  slaHours: number;
  commTargetMinutes: number;
}

type Row = Record<string, unknown>;
const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const nOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const div = (a: number, b: number): number | null => (b === 0 ? null : a / b);
const byCountThenKey =
  <T>(count: (t: T) => number, key: (t: T) => string) =>
  (a: T, b: T) =>
    count(b) - count(a) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** Local midnight of `day` in `tz`, and the one after `to`: "in P" is start <= t < end. */
const startOf = (q: OracleQuery) => sql`((${q.from}::date)::timestamp at time zone ${q.tz})`;
const endOf = (q: OracleQuery) => sql`((${q.to}::date + 1)::timestamp at time zone ${q.tz})`;
const inP = (column: string, q: OracleQuery) =>
  sql`(${sql.raw(column)} >= ${startOf(q)} and ${sql.raw(column)} < ${endOf(q)})`;
const regionIs = (column: string, q: { region: string | null }) =>
  q.region === null ? sql`true` : sql`${sql.raw(column)} = ${q.region}`;
const repIs = (column: string, q: OracleQuery) =>
  q.rep === null ? sql`true` : sql`${sql.raw(column)} = (select id from users where email = ${q.rep})`;
const activeAtSql = (t: SQL) => sql`(c.activated_at < ${t} and (c.churned_at is null or c.churned_at >= ${t}))`;

const rows = (db: Db, query: SQL) => queryRows<Row>(db, query);
async function one(db: Db, query: SQL): Promise<Row> {
  return (await rows(db, query))[0] ?? {};
}

export async function oracleChurn(db: Db, q: OracleQuery) {
  const s = startOf(q);
  const e = endOf(q);
  const t = await one(
    db,
    sql`select count(*) filter (where ${activeAtSql(s)}) as active_start,
      coalesce(sum(c.monthly_fee_cents) filter (where ${activeAtSql(s)}), 0) as fees_start,
      count(*) filter (where ${inP('c.activated_at', q)}) as joined,
      count(*) filter (where ${inP('c.churned_at', q)}) as churned,
      coalesce(sum(c.monthly_fee_cents) filter (where ${inP('c.churned_at', q)}), 0) as churned_fees,
      count(*) filter (where ${activeAtSql(e)}) as active_end
    from customers c where ${regionIs('c.region_code', q)}`,
  );
  const byCategory = (
    await rows(
      db,
      sql`select c.churn_category as k, count(*) as n from customers c
      where ${inP('c.churned_at', q)} and c.churn_category is not null and ${regionIs('c.region_code', q)} group by 1`,
    )
  ).map((r) => ({ category: String(r.k), count: n(r.n) }));
  const byCompetitor = (
    await rows(
      db,
      sql`select c.competitor as k, count(*) as n from customers c
      where ${inP('c.churned_at', q)} and trim(coalesce(c.competitor, '')) <> '' and ${regionIs('c.region_code', q)} group by 1`,
    )
  ).map((r) => ({ competitor: String(r.k), count: n(r.n) }));
  const activeAtStart = n(t.active_start);
  const churned = n(t.churned);
  return {
    activeAtStart,
    joined: n(t.joined),
    churned,
    activeAtEnd: n(t.active_end),
    churnRate: div(churned, activeAtStart),
    revenueChurnRate: div(n(t.churned_fees), n(t.fees_start)),
    byCategory: byCategory.sort(
      byCountThenKey(
        (r) => r.count,
        (r) => r.category,
      ),
    ),
    byCompetitor: byCompetitor.sort(
      byCountThenKey(
        (r) => r.count,
        (r) => r.competitor,
      ),
    ),
  };
}

const CLOSED_CASE = (q: OracleQuery) => sql`r.outcome in ('saved', 'churned') and ${inP('r.closed_at', q)}`;
const CASE_SCOPE = (q: OracleQuery) => sql`${regionIs('c.region_code', q)} and ${repIs('r.rep_id', q)}`;
const CASE_OFFER_COST = sql`coalesce((select sum(k.amount_cents) from compensations k where k.retention_case_id = r.id), 0)`;

/** Cases closed in P grouped by `key` (a column of r, c or u): closed, saved, kept MRR and offer cost. */
async function closedCasesBy(db: Db, q: OracleQuery, key: string) {
  return (
    await rows(
      db,
      sql`select ${sql.raw(key)} as k, count(*) as closed, count(*) filter (where r.outcome = 'saved') as saved,
        coalesce(sum(r.mrr_at_risk_cents - r.offer_monthly_discount_cents) filter (where r.outcome = 'saved'), 0) as kept,
        coalesce(sum(${CASE_OFFER_COST}), 0) as cost
      from retention_cases r join customers c on c.id = r.customer_id join users u on u.id = r.rep_id
      where ${CLOSED_CASE(q)} and ${CASE_SCOPE(q)} group by 1`,
    )
  )
    .map((r) => ({ key: String(r.k), closed: n(r.closed), saved: n(r.saved), kept: n(r.kept), cost: n(r.cost) }))
    .sort(byKey((r) => r.key));
}

export async function oracleRetention(db: Db, q: OracleQuery) {
  const opened = await one(
    db,
    sql`select count(*) as n from retention_cases r join customers c on c.id = r.customer_id
      where ${inP('r.opened_at', q)} and ${CASE_SCOPE(q)}`,
  );
  const all = await closedCasesBy(db, q, `'all'`);
  const total = all[0] ?? { closed: 0, saved: 0, kept: 0, cost: 0 };
  const saved = total.saved;
  const lost = total.closed - total.saved;
  const breakdown = (r: { closed: number; saved: number }) => ({
    closed: r.closed,
    saved: r.saved,
    saveRate: div(r.saved, r.closed),
  });
  return {
    opened: n(opened.n),
    saved,
    lost,
    saveRate: div(saved, saved + lost),
    savedMrrCents: total.kept,
    offerCostCents: total.cost,
    costPerSaveCents: saved === 0 ? null : Math.round(total.cost / saved),
    byOffer: (await closedCasesBy(db, q, 'r.offer_type')).map((r) => ({ offerType: r.key, ...breakdown(r) })),
    byRep: (await closedCasesBy(db, q, 'u.email')).map((r) => ({ rep: r.key, ...breakdown(r) })),
  };
}

/** The retention page's breakdowns: by reason, the rep leaderboard, offer cost against saved MRR. */
export async function oracleRetentionPage(db: Db, q: OracleQuery) {
  const breakdown = (r: { closed: number; saved: number }) => ({
    closed: r.closed,
    saved: r.saved,
    saveRate: div(r.saved, r.closed),
  });
  const byRep = await closedCasesBy(db, q, 'u.email');
  const names = new Map(
    (await rows(db, sql`select email, name from users`)).map((r) => [String(r.email), String(r.name)]),
  );
  return {
    figures: await oracleRetention(db, q),
    byReason: (await closedCasesBy(db, q, 'r.reason')).map((r) => ({ reason: r.key, ...breakdown(r) })),
    leaderboard: byRep.map((r) => ({
      rep: r.key,
      ...breakdown(r),
      name: names.get(r.key) ?? r.key,
      savedMrrCents: r.kept,
      offerCostCents: r.cost,
      costPerSaveCents: r.saved === 0 ? null : Math.round(r.cost / r.saved),
    })),
    offerMoney: (await closedCasesBy(db, q, 'r.offer_type')).map((r) => ({
      offerType: r.key,
      savedMrrCents: r.kept,
      offerCostCents: r.cost,
    })),
  };
}

const DISPUTE_SCOPE = (q: OracleQuery) => sql`${regionIs('c.region_code', q)} and ${repIs('d.assigned_to_id', q)}`;
const RESOLVED = (q: OracleQuery) => sql`d.status in ('resolved', 'rejected') and ${inP('d.resolved_at', q)}`;
const median = (value: SQL, filter: SQL) =>
  sql`round((percentile_cont(0.5) within group (order by ${value}) filter (where ${filter}))::numeric, 1)`;
const HOURS = sql`extract(epoch from (d.resolved_at - d.opened_at)) / 3600`;

/** Dispute figures of P, grouped by `key` (an expression over d, c and u). */
async function disputesBy(db: Db, q: OracleQuery, key: string) {
  const inSla = sql`d.resolved_at <= d.opened_at + ${q.slaHours} * interval '1 hour'`;
  return rows(
    db,
    sql`select ${sql.raw(key)} as k,
      count(*) filter (where ${inP('d.opened_at', q)}) as opened,
      coalesce(sum(d.disputed_amount_cents) filter (where ${inP('d.opened_at', q)}), 0) as disputed,
      count(*) filter (where ${inP('d.opened_at', q)} and d.bill_number = 1) as first_bill,
      count(*) filter (where ${RESOLVED(q)}) as resolved,
      count(*) filter (where ${RESOLVED(q)} and d.undue_charge) as undue,
      count(*) filter (where ${RESOLVED(q)} and ${inSla}) as in_sla,
      coalesce(sum(d.credited_amount_cents) filter (where ${RESOLVED(q)}), 0) as credited,
      ${median(HOURS, RESOLVED(q))} as median
    from disputes d join customers c on c.id = d.customer_id left join users u on u.id = d.assigned_to_id
    where ${DISPUTE_SCOPE(q)} group by 1`,
  );
}

export async function oracleDisputes(db: Db, q: OracleQuery) {
  const t = (await disputesBy(db, q, `'all'`))[0] ?? {};
  const backlog = await one(
    db,
    sql`select count(*) as n from disputes d join customers c on c.id = d.customer_id
      where d.opened_at < ${endOf(q)} and (d.resolved_at is null or d.resolved_at >= ${endOf(q)}) and ${DISPUTE_SCOPE(q)}`,
  );
  const byCause = (
    await rows(
      db,
      sql`select d.cause as k, count(*) as n, sum(d.disputed_amount_cents) as cents
      from disputes d join customers c on c.id = d.customer_id
      where ${inP('d.opened_at', q)} and ${DISPUTE_SCOPE(q)} group by 1`,
    )
  ).map((r) => ({ cause: String(r.k), count: n(r.n), disputedCents: n(r.cents) }));
  const resolved = n(t.resolved);
  return {
    opened: n(t.opened),
    disputedCents: n(t.disputed),
    resolved,
    undueRate: div(n(t.undue), resolved),
    creditedCents: n(t.credited),
    firstBillShare: div(n(t.first_bill), n(t.opened)),
    medianHoursToResolve: nOrNull(t.median),
    slaComplianceRate: div(n(t.in_sla), resolved),
    backlogAtEnd: n(backlog.n),
    byCause: byCause.sort(
      byCountThenKey(
        (r) => r.count,
        (r) => r.cause,
      ),
    ),
  };
}

/** The dispute figures per assigned rep (unassigned last), with at least one opened or resolved. */
export async function oracleDisputesByRep(db: Db, q: OracleQuery) {
  const names = new Map(
    (await rows(db, sql`select email, name from users`)).map((r) => [String(r.email), String(r.name)]),
  );
  return (await disputesBy(db, q, 'u.email'))
    .filter((r) => n(r.opened) + n(r.resolved) > 0)
    .map((r) => {
      const rep = typeof r.k === 'string' ? r.k : null;
      return {
        rep,
        name: rep === null ? null : (names.get(rep) ?? null),
        opened: n(r.opened),
        resolved: n(r.resolved),
        slaComplianceRate: div(n(r.in_sla), n(r.resolved)),
        medianHoursToResolve: nOrNull(r.median),
        creditedCents: n(r.credited),
      };
    })
    .sort((a, b) => (a.rep === b.rep ? 0 : a.rep === null ? 1 : b.rep === null ? -1 : a.rep < b.rep ? -1 : 1));
}

const MILESTONES = [
  ['detect', 'detected_at'],
  ['communicate', 'public_comm_at'],
  ['ivr', 'ivr_message_at'],
  ['sms', 'sms_sent_at'],
  ['brief', 'agents_briefed_at'],
  ['resolve', 'resolved_at'],
] as const;

export async function oracleOutages(db: Db, q: OracleQuery) {
  const outageRegion =
    q.region === null
      ? sql`true`
      : sql`${q.region} in (select region_code from outage_regions x where x.outage_id = o.id)`;
  const affected = sql`(select count(*) from customers c where ${activeAtSql(sql`o.started_at`)} and ${regionIs('c.region_code', q)}
    and (c.postcode in (select postcode from outage_postcodes p where p.outage_id = o.id)
      or (not exists (select 1 from outage_postcodes p where p.outage_id = o.id)
        and c.region_code in (select region_code from outage_regions x where x.outage_id = o.id))))`;
  const minutes = (column: string) => sql`extract(epoch from (o.${sql.raw(column)} - o.started_at)) / 60`;
  const pct = (f: number, column: string) =>
    sql`round((percentile_cont(${sql.raw(String(f))}) within group (order by ${minutes(column)}))::numeric, 1)`;
  const t = await one(
    db,
    sql`select count(*) as count, coalesce(sum(${affected}), 0) as affected,
      count(*) filter (where o.public_comm_at is not null
        and o.public_comm_at <= o.started_at + ${q.commTargetMinutes} * interval '1 minute') as in_time,
      ${sql.join(
        MILESTONES.map(
          ([m, column]) =>
            sql`${pct(0.5, column)} as ${sql.raw(`${m}_median`)}, ${pct(0.9, column)} as ${sql.raw(`${m}_p90`)},
            count(*) filter (where o.${sql.raw(column)} is null) as ${sql.raw(`${m}_missing`)}`,
        ),
        sql`, `,
      )}
    from outages o where ${inP('o.started_at', q)} and ${outageRegion}`,
  );
  return {
    count: n(t.count),
    affectedCustomers: n(t.affected),
    commWithinTargetRate: div(n(t.in_time), n(t.count)),
    milestones: MILESTONES.map(([milestone]) => ({
      milestone,
      median: nOrNull(t[`${milestone}_median`]),
      p90: nOrNull(t[`${milestone}_p90`]),
      missing: n(t[`${milestone}_missing`]),
    })),
  };
}

const ISSUED = (q: OracleQuery) =>
  sql`${inP('k.issued_at', q)} and ${regionIs('c.region_code', q)} and ${repIs('k.issued_by_id', q)}`;

async function compensationBy(db: Db, q: OracleQuery, key: string) {
  return (
    await rows(
      db,
      sql`select ${sql.raw(key)} as k, count(*) as n, sum(k.amount_cents) as cents
      from compensations k join customers c on c.id = k.customer_id left join users u on u.id = k.issued_by_id
      where ${ISSUED(q)} group by 1`,
    )
  )
    .map((r) => ({ key: String(r.k), count: n(r.n), totalCents: n(r.cents) }))
    .sort(
      byCountThenKey(
        (r) => r.totalCents,
        (r) => r.key,
      ),
    );
}

export async function oracleCompensation(db: Db, q: OracleQuery) {
  const [total] = await compensationBy(db, q, `'all'`);
  return {
    count: total?.count ?? 0,
    totalCents: total?.totalCents ?? 0,
    byKind: await compensationBy(db, q, 'k.kind'),
    byRegion: await compensationBy(db, q, 'c.region_code'),
    byRep: await compensationBy(db, q, `coalesce(u.email, 'automatic')`),
  };
}

/** The whole `computeKpis` document of docs/metrics.md. */
export async function oracleKpis(db: Db, q: OracleQuery) {
  return {
    period: { from: q.from, to: q.to, timezone: q.tz },
    filters: { region: q.region, rep: q.rep },
    churn: await oracleChurn(db, { ...q, rep: null }),
    retention: await oracleRetention(db, q),
    disputes: await oracleDisputes(db, q),
    outages: await oracleOutages(db, { ...q, rep: null }),
    compensation: await oracleCompensation(db, q),
  };
}

/** Calendar months `fromMonth`..`toMonth` (YYYY-MM) as periods of whole days. */
export function monthPeriods(fromMonth: string, toMonth: string): { month: string; from: string; to: string }[] {
  const out: { month: string; from: string; to: string }[] = [];
  const [y, m] = fromMonth.split('-').map(Number) as [number, number];
  for (let i = 0; ; i++) {
    const first = new Date(Date.UTC(y, m - 1 + i, 1));
    const month = first.toISOString().slice(0, 7);
    if (month > toMonth) return out;
    const last = new Date(Date.UTC(y, m + i, 0));
    out.push({ month, from: `${month}-01`, to: last.toISOString().slice(0, 10) });
  }
}

/** The trend series: each month is the period P of the definitions above. */
export async function oracleSeries(db: Db, q: Omit<OracleQuery, 'from' | 'to'>, fromMonth: string, toMonth: string) {
  const out = [];
  for (const p of monthPeriods(fromMonth, toMonth)) {
    const mq = { ...q, from: p.from, to: p.to };
    const churn = await oracleChurn(db, { ...mq, rep: null });
    const retention = await oracleRetention(db, mq);
    const disputes = await oracleDisputes(db, mq);
    const outages = await oracleOutages(db, { ...mq, rep: null });
    const compensation = await oracleCompensation(db, mq);
    out.push({
      month: p.month,
      churn: {
        activeAtStart: churn.activeAtStart,
        churned: churn.churned,
        churnRate: churn.churnRate,
        revenueChurnRate: churn.revenueChurnRate,
      },
      retention: {
        saved: retention.saved,
        lost: retention.lost,
        saveRate: retention.saveRate,
        savedMrrCents: retention.savedMrrCents,
      },
      disputes: {
        opened: disputes.opened,
        resolved: disputes.resolved,
        backlogAtEnd: disputes.backlogAtEnd,
        slaComplianceRate: disputes.slaComplianceRate,
        medianHoursToResolve: disputes.medianHoursToResolve,
      },
      outages: {
        count: outages.count,
        medianMinutesToCommunicate: outages.milestones.find((m) => m.milestone === 'communicate')?.median ?? null,
        commWithinTargetRate: outages.commWithinTargetRate,
      },
      compensation: { count: compensation.count, totalCents: compensation.totalCents },
    });
  }
  return out;
}

/** Churn per month and customer region (regions with any customer), by month then region. */
export async function oracleMonthlyChurnByRegion(
  db: Db,
  q: Pick<OracleQuery, 'region' | 'tz'>,
  fromMonth: string,
  toMonth: string,
) {
  const regions = (
    await rows(db, sql`select distinct region_code as r from customers c where ${regionIs('c.region_code', q)}`)
  ).map((r) => String(r.r));
  const out = [];
  for (const p of monthPeriods(fromMonth, toMonth)) {
    for (const region of regions.sort()) {
      const churn = await oracleChurn(db, {
        ...q,
        region,
        rep: null,
        from: p.from,
        to: p.to,
        slaHours: 0,
        commTargetMinutes: 0,
      });
      out.push({
        month: p.month,
        region,
        activeAtStart: churn.activeAtStart,
        churned: churn.churned,
        churnRate: churn.churnRate,
        revenueChurnRate: churn.revenueChurnRate,
      });
    }
  }
  return out;
}

/** Disputes opened per month by cause, and compensation issued per month by kind (pairs with rows only). */
export async function oracleMonthlyByCauseAndKind(
  db: Db,
  q: Omit<OracleQuery, 'from' | 'to'>,
  fromMonth: string,
  toMonth: string,
) {
  const causes = [];
  const kinds = [];
  for (const p of monthPeriods(fromMonth, toMonth)) {
    const mq = { ...q, from: p.from, to: p.to };
    const d = await oracleDisputes(db, mq);
    causes.push(...d.byCause.sort(byKey((r) => r.cause)).map((r) => ({ month: p.month, ...r })));
    const k = await oracleCompensation(db, mq);
    kinds.push(
      ...k.byKind
        .sort(byKey((r) => r.key))
        .map((r) => ({ month: p.month, kind: r.key, count: r.count, totalCents: r.totalCents })),
    );
  }
  const months = monthPeriods(fromMonth, toMonth).map((p) => p.month);
  return { byCause: { months, rows: causes }, byKind: { months, rows: kinds } };
}

interface MoverPair {
  key: string;
  cur: number | null;
  prev: number | null;
  base: number;
}

/** Per key of one period: the figure's numerator, its denominator for rates, and its base. */
type KeyFigures = Map<string, { num: number; den?: number; base: number }>;

async function moverFigures(db: Db, q: OracleQuery) {
  const churn: KeyFigures = new Map();
  for (const r of await rows(
    db,
    sql`select c.region_code as k, count(*) filter (where ${inP('c.churned_at', q)}) as churned,
      count(*) filter (where ${activeAtSql(startOf(q))}) as active
    from customers c where ${regionIs('c.region_code', q)} group by 1`,
  ))
    churn.set(String(r.k), { num: n(r.churned), den: n(r.active), base: n(r.active) });
  const disputes: KeyFigures = new Map();
  for (const r of await rows(
    db,
    sql`select c.region_code as k, count(*) as n from disputes d join customers c on c.id = d.customer_id
    where ${inP('d.opened_at', q)} and ${DISPUTE_SCOPE(q)} group by 1`,
  ))
    disputes.set(String(r.k), { num: n(r.n), base: n(r.n) });
  const compensation: KeyFigures = new Map();
  for (const r of await compensationBy(db, q, `coalesce(u.email, 'automatic')`))
    compensation.set(r.key, { num: r.totalCents, base: r.totalCents / 100 });
  const saves: KeyFigures = new Map();
  for (const r of await closedCasesBy(db, q, 'u.email'))
    saves.set(r.key, { num: r.saved, den: r.closed, base: r.closed });
  return { churn, disputes, compensation, saves };
}

/**
 * "What changed" (server/metrics/movers.ts): per region churn rate and disputes opened, per issuing
 * rep compensation and save rate, current against previous, ranked by relative change among keys
 * with a base of at least `minimumBase` in either period and a non-zero previous figure.
 */
export async function oracleMovers(
  db: Db,
  current: OracleQuery,
  previous: OracleQuery,
  minimumBase: number,
  limit: number,
) {
  const [cur, prev] = [await moverFigures(db, current), await moverFigures(db, previous)];
  const rate = (f: { num: number; den?: number }) => (f.den === undefined || f.den === 0 ? null : f.num / f.den);
  const count = (f: { num: number }) => f.num;
  const pairs = (a: KeyFigures, b: KeyFigures, value: (f: { num: number; den?: number }) => number | null) => {
    const out = new Map<string, MoverPair>();
    for (const [side, figures] of [
      ['cur', a],
      ['prev', b],
    ] as const) {
      for (const [key, f] of figures) {
        const p = out.get(key) ?? { key, cur: null, prev: null, base: 0 };
        p[side] = value(f);
        p.base = Math.max(p.base, f.base);
        out.set(key, p);
      }
    }
    return [...out.values()];
  };
  const movers = (list: MoverPair[], dimension: 'region' | 'rep', metric: string) =>
    list
      .filter((p) => p.base >= minimumBase && p.cur !== null && p.prev !== null && p.prev !== 0)
      .map((p) => ({
        dimension,
        key: p.key,
        metric,
        current: p.cur,
        previous: p.prev,
        change: ((p.cur ?? 0) - (p.prev ?? 0)) / (p.prev ?? 1),
      }))
      .filter((m) => m.change !== 0);
  return [
    ...movers(pairs(cur.churn, prev.churn, rate), 'region', 'churnRate'),
    ...movers(pairs(cur.disputes, prev.disputes, count), 'region', 'disputesOpened'),
    ...movers(pairs(cur.compensation, prev.compensation, count), 'rep', 'compensationCents'),
    ...movers(pairs(cur.saves, prev.saves, rate), 'rep', 'saveRate'),
  ]
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.key.localeCompare(b.key))
    .slice(0, limit);
}
