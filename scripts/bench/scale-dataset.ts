import postgres from 'postgres';
import { REGIONS } from '@/db/seed/demo-geography';
import { hashPassword } from '@/server/auth/password';

/**
 * The large dataset of scripts/bench/scale.ts, generated inside PostgreSQL with generate_series.
 * Rows satisfy every check constraint and foreign key of the schema; the foreign-key triggers and
 * any user trigger (rollup maintenance) are off while loading (session_replication_role = replica),
 * the secondary indexes are dropped and rebuilt afterwards, and the rollups are then rebuilt from
 * the base tables, as after any bulk load.
 */
export interface ScaleSizes {
  customers: number;
  retention: number;
  disputes: number;
  compensations: number;
  outages: number;
}

export const BENCH_PASSWORD = 'scale-bench-password-7Qz!';
export const NATIONAL_MANAGER = 'national@scale.bench';
export const REGIONAL_MANAGER = 'manager.mad@scale.bench';
export const ADMIN = 'admin@scale.bench';
const REPS_PER_REGION = 20;
/** The instant the data ends at; periods of the benchmark are measured up to it. */
export const DATA_END = '2026-11-30T12:00:00Z';
const DATA_START = '2023-01-01T00:00:00Z';

type Sql = postgres.Sql;

function log(message: string, t0: number) {
  console.log(`  ${message} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

async function step(label: string, run: () => Promise<unknown>) {
  const t0 = performance.now();
  await run();
  log(label, t0);
}

/** A multiplier coprime to n, so `j * m mod n` is a permutation of 0..n-1. */
function coprimeMultiplier(n: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  for (const m of [7919, 104_729, 1_299_709, 15_485_863]) if (gcd(m, n) === 1) return m;
  return 1;
}

async function people(sql: Sql) {
  const hash = await hashPassword(BENCH_PASSWORD);
  await sql`insert into regions ${sql(REGIONS.map((r) => ({ code: r.code, name: r.name })))}`;
  await sql`insert into postcodes ${sql(REGIONS.flatMap((r) => r.postcodes.map((p) => ({ postcode: p, region_code: r.code }))))}`;
  const users = [
    { email: ADMIN, name: 'Bench Admin', role: 'admin', region_code: null, team: null },
    { email: NATIONAL_MANAGER, name: 'Bench National', role: 'manager', region_code: null, team: null },
    { email: 'analyst@scale.bench', name: 'Bench Analyst', role: 'analyst', region_code: null, team: null },
    ...REGIONS.map((r) => ({
      email: `manager.${r.code.toLowerCase()}@scale.bench`,
      name: `Bench Manager ${r.code}`,
      role: 'manager',
      region_code: r.code,
      team: null,
    })),
    ...REGIONS.flatMap((r) =>
      Array.from({ length: REPS_PER_REGION }, (_, i) => ({
        email: `rep.${r.code.toLowerCase()}.${i + 1}@scale.bench`,
        name: `Rep ${r.code} ${i + 1}`,
        role: 'rep',
        region_code: r.code,
        team: i < REPS_PER_REGION / 2 ? 'billing' : 'retention',
      })),
    ),
  ].map((u) => ({ ...u, password_hash: hash }));
  await sql`insert into users ${sql(users)}`;
  // Per region: its postcodes and its billing and retention reps; 100 slots weighted by region size.
  await sql`create unlogged table bench_region as
    select u.region_code,
      array_agg(u.id order by u.id) filter (where u.team = 'billing') as billing_reps,
      array_agg(u.id order by u.id) filter (where u.team = 'retention') as retention_reps,
      (select array_agg(p.postcode order by p.postcode) from postcodes p where p.region_code = u.region_code) as postcodes
    from users u where u.role = 'rep' group by u.region_code`;
  const slots: { slot: number; region_code: string }[] = [];
  for (const r of REGIONS) {
    const n = Math.round(r.weight * 100);
    for (let i = 0; i < n && slots.length < 100; i++) slots.push({ slot: slots.length, region_code: r.code });
  }
  while (slots.length < 100) slots.push({ slot: slots.length, region_code: REGIONS[0]?.code ?? 'MAD' });
  await sql`create unlogged table bench_slot (slot int primary key, region_code text not null)`;
  await sql`insert into bench_slot ${sql(slots)}`;
}

async function customers(sql: Sql, n: number) {
  // Activation over six years, more of it recent; a quarter churned later; 60 % sold by a rep, 40 % on a promotion.
  await sql.unsafe(`
    insert into customers (account_number, name, region_code, postcode, plan, activated_at, monthly_fee_cents,
      churned_at, churn_category, churn_reason, competitor, sold_by_id, promo_ends_at, promo_monthly_discount_cents)
    select 'SC' || lpad(g.i::text, 9, '0'), 'Customer ' || g.i, r.region_code,
      r.postcodes[1 + floor(random() * array_length(r.postcodes, 1))::int],
      (array['fibre_300','fibre_600','fibre_1g','mobile_s','mobile_l','convergent'])[1 + floor(random() * 6)::int],
      g.act, g.fee,
      case when g.churn then g.act + (timestamptz '${DATA_END}' - g.act) * power(random(), 0.6) end,
      case when g.churn then (array['competitor','competitor','competitor','price','price','dissatisfaction','attitude','billing','outage','moved','other'])[1 + floor(random() * 11)::int] end,
      case when g.churn then 'bench' end,
      case when g.churn and random() < 0.4 then (array['Movistar','Orange','Vodafone','Digi'])[1 + floor(random() * 4)::int] end,
      case when random() < 0.6 then r.billing_reps[1 + floor(random() * array_length(r.billing_reps, 1))::int] end,
      case when g.promo then g.act + (array[interval '6 months', interval '12 months', interval '24 months'])[1 + floor(random() * 3)::int] end,
      case when g.promo then 500 + floor(random() * 16)::int * 100 end
    from (
      select i, (i * 37) % 100 as slot,
        timestamptz '2020-12-01T00:00:00Z' + (timestamptz '${DATA_END}' - timestamptz '2020-12-01T00:00:00Z') * power(random(), 0.7) as act,
        1990 + floor(random() * 100)::int * 100 as fee,
        random() < 0.25 as churn, random() < 0.4 as promo
      from generate_series(1, ${n}) as i
    ) g
    join bench_slot s on s.slot = g.slot
    join bench_region r on r.region_code = s.region_code`);
}

async function retention(sql: Sql, n: number, customerCount: number) {
  await sql.unsafe(`
    insert into retention_cases (case_ref, customer_id, rep_id, opened_at, reason, offer_type, outcome, mrr_at_risk_cents,
      closed_at, offer_monthly_discount_cents, offer_months)
    select 'SRC' || lpad(g.i::text, 9, '0'), c.id,
      r.retention_reps[1 + floor(random() * array_length(r.retention_reps, 1))::int],
      g.opened, g.reason, g.offer, g.outcome, c.monthly_fee_cents,
      case when g.outcome <> 'pending' then least(g.opened + interval '10 days' * random(), timestamptz '${DATA_END}') end,
      case when g.offer in ('discount', 'promotion') then 300 + floor(random() * 18)::int * 100 else 0 end,
      case when g.offer in ('discount', 'promotion') then 3 + floor(random() * 10)::int else 0 end
    from (
      select i, 1 + floor(random() * ${customerCount})::int as cid, x.opened,
        (array['competitor','competitor','competitor','price','price','dissatisfaction','attitude','billing','outage','moved','other'])[1 + floor(random() * 11)::int] as reason,
        (array['discount','discount','promotion','fee_waiver','loyalty_credit','upgrade','none'])[1 + floor(random() * 7)::int] as offer,
        case when x.opened > timestamptz '${DATA_END}' - interval '14 days' and random() < 0.5 then 'pending'
             when random() < 0.55 then 'saved' else 'churned' end as outcome
      from generate_series(1, ${n}) as i
      cross join lateral (select timestamptz '${DATA_START}' + (timestamptz '${DATA_END}' - timestamptz '${DATA_START}') * power(random(), 0.8) + (i * 0) * interval '1 second' as opened) x
    ) g
    join customers c on c.id = g.cid
    join bench_region r on r.region_code = c.region_code`);
}

async function disputes(sql: Sql, n: number, customerCount: number) {
  // Old cases are closed (about 70 % resolved in the customer's favour); recent ones spread over the states.
  await sql.unsafe(`
    insert into disputes (dispute_ref, customer_id, opened_at, cause, disputed_amount_cents, status, assigned_to_id,
      bill_number, undue_charge, undue_reason, expected_resolution_on, customer_notified_at, customer_notified_channel,
      resolved_at, credited_amount_cents, updated_at)
    select 'SDS' || lpad(h.i::text, 9, '0'), h.cid, h.opened, h.cause, h.amount, h.status,
      case when random() < 0.92 then r.billing_reps[1 + floor(random() * array_length(r.billing_reps, 1))::int] end,
      1 + floor(random() * 60)::int,
      case h.status when 'resolved' then true when 'rejected' then false end,
      case when h.status = 'resolved' then 'bench' end,
      (h.opened + interval '30 days')::date,
      case when h.resolved is not null and random() < 0.9 then h.resolved + interval '1 hour' end,
      case when h.resolved is not null then (array['phone','sms','email','letter','app'])[1 + floor(random() * 5)::int] end,
      h.resolved,
      case when h.status = 'resolved' then greatest(1, floor(h.amount * (0.4 + random() * 0.6))::bigint) else 0 end,
      coalesce(h.resolved, h.opened)
    from (
      select g.*, case when g.status in ('resolved', 'rejected')
          then least(g.opened + interval '1 hour' + interval '30 days' * power(random(), 2), timestamptz '${DATA_END}') end as resolved
      from (
        select i, 1 + floor(random() * ${customerCount})::int as cid, x.opened,
          (array['overcharge','overcharge','overcharge','unrequested_line','unrequested_service','undisclosed_fee','quote_mismatch',
                 'promo_not_applied','promo_not_applied','promo_expired','roaming','international_calls','premium_sms','moving_fee',
                 'equipment_fee','duplicate_charge','duplicate_charge','other'])[1 + floor(random() * 18)::int] as cause,
          500 + floor(random() * 195)::int * 100 as amount,
          case when x.opened < timestamptz '${DATA_END}' - interval '60 days'
               then case when random() < 0.72 then 'resolved' else 'rejected' end
               else (array['open','open','investigating','awaiting_recalculation','resolved','resolved','rejected'])[1 + floor(random() * 7)::int] end as status
        from generate_series(1, ${n}) as i
        cross join lateral (select timestamptz '${DATA_START}' + (timestamptz '${DATA_END}' - timestamptz '${DATA_START}') * power(random(), 0.8) + (i * 0) * interval '1 second' as opened) x
      ) g
    ) h
    join customers c on c.id = h.cid
    join bench_region r on r.region_code = c.region_code`);
}

async function outages(sql: Sql, n: number) {
  await sql.unsafe(`
    insert into outages (outage_ref, title, severity, started_at, detected_at, public_comm_at, ivr_message_at, sms_sent_at,
      agents_briefed_at, unlimited_data_at, resolved_at)
    select 'SOUT' || lpad(g.i::text, 5, '0'), 'Bench outage ' || g.i,
      (array['minor','minor','major','major','critical'])[1 + floor(random() * 5)::int],
      g.started, g.started + interval '10 minutes', g.started + interval '40 minutes', g.started + interval '25 minutes',
      case when random() < 0.8 then g.started + interval '90 minutes' end,
      g.started + interval '30 minutes',
      case when random() < 0.5 then g.started + interval '2 hours' end,
      case when g.i > 2 then g.started + interval '1 hour' + interval '47 hours' * random() end
    from (
      select i, case when i <= 2 then timestamptz '${DATA_END}' - interval '3 hours' * i
        else timestamptz '${DATA_START}' + (timestamptz '${DATA_END}' - interval '3 days' - timestamptz '${DATA_START}') * random() end as started
      from generate_series(1, ${n}) as i
    ) g`);
  await sql`insert into outage_regions (outage_id, region_code)
    select o.id, s.region_code from outages o join bench_slot s on s.slot = (o.id * 37) % 100
    union
    select o.id, s.region_code from outages o join bench_slot s on s.slot = (o.id * 53) % 100 where o.id % 5 = 0`;
  await sql`insert into outage_postcodes (outage_id, postcode)
    select distinct o.id, r.postcodes[1 + (o.id * k) % array_length(r.postcodes, 1)]
    from outages o join outage_regions orr on orr.outage_id = o.id join bench_region r on r.region_code = orr.region_code
    cross join generate_series(1, 3) as k
    where o.id % 5 in (1, 2)`;
}

async function compensations(sql: Sql, sizes: ScaleSizes) {
  const credits = Math.min(Math.floor(sizes.compensations * 0.3), sizes.outages * sizes.customers);
  const others = sizes.compensations - credits;
  const m = coprimeMultiplier(sizes.customers);
  // Everything but outage credits: issued by a rep, tied to a case or dispute where the kind says so.
  await sql.unsafe(`
    insert into compensations (comp_ref, customer_id, kind, amount_cents, issued_at, issued_by_id, retention_case_id, dispute_id)
    select 'SCP' || lpad(g.i::text, 10, '0'), g.cid, g.kind, 200 + floor(random() * 80)::int * 100, g.issued,
      r.billing_reps[1 + floor(random() * array_length(r.billing_reps, 1))::int],
      case when g.kind = 'retention_offer' then 1 + floor(random() * ${sizes.retention})::int end,
      case when g.kind = 'dispute_credit' then 1 + floor(random() * ${sizes.disputes})::int end
    from (
      select i, 1 + floor(random() * ${sizes.customers})::int as cid, x.issued,
        (array['dispute_credit','dispute_credit','dispute_credit','retention_offer','retention_offer','fee_waiver','loyalty_credit','goodwill'])[1 + floor(random() * 8)::int] as kind
      from generate_series(1, ${others}) as i
      cross join lateral (select timestamptz '${DATA_START}' + (timestamptz '${DATA_END}' - timestamptz '${DATA_START}') * power(random(), 0.8) + (i * 0) * interval '1 second' as issued) x
    ) g
    join customers c on c.id = g.cid
    join bench_region r on r.region_code = c.region_code`);
  // Outage credits: one per customer and outage (k = o + outages * j, customer = j * m mod customers is a permutation).
  await sql.unsafe(`
    insert into compensations (comp_ref, customer_id, kind, amount_cents, issued_at, outage_id)
    select 'SCPO' || lpad(k::text, 10, '0'),
      1 + ((k / ${sizes.outages})::bigint * ${m} + (k % ${sizes.outages})::bigint * 104729) % ${sizes.customers},
      'outage_credit', 100 + floor(random() * 30)::int * 100,
      coalesce(o.resolved_at, o.started_at) + interval '2 hours', o.id
    from generate_series(0, ${credits - 1}) as k
    join outages o on o.id = 1 + k % ${sizes.outages}`);
}

/** Secondary indexes of the big tables (not those behind a primary key or unique constraint). */
async function secondaryIndexes(sql: Sql): Promise<{ name: string; definition: string }[]> {
  const rows = await sql<{ name: string; definition: string }[]>`
    select i.indexname as name, i.indexdef as definition
    from pg_indexes i
    where i.schemaname = 'public'
      and i.tablename in ('customers', 'retention_cases', 'disputes', 'compensations')
      and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.indexname))::regclass)`;
  return [...rows];
}

async function checkReferences(sql: Sql, sizes: ScaleSizes) {
  const [row] = await sql<{ problems: string | null }[]>`
    select concat_ws(', ',
      case when (select max(id) from customers) <> ${sizes.customers} then 'customer ids' end,
      case when (select max(id) from retention_cases) <> ${sizes.retention} then 'retention ids' end,
      case when (select max(id) from disputes) <> ${sizes.disputes} then 'dispute ids' end,
      case when exists (select 1 from compensations k where k.outage_id is not null and k.outage_id > (select max(id) from outages)) then 'outage ids' end
    ) as problems`;
  if (row?.problems) throw new Error(`generated rows do not line up: ${row.problems}`);
}

export async function buildScaleDataset(url: string, sizes: ScaleSizes): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`set session_replication_role = replica`;
    await sql`set work_mem = '256MB'`;
    await sql`set maintenance_work_mem = '1GB'`;
    await sql`select setseed(0.42)`;
    const indexes = await secondaryIndexes(sql);
    for (const index of indexes) await sql.unsafe(`drop index ${index.name}`);
    await step('regions, postcodes, users', () => people(sql));
    await step(`${sizes.customers.toLocaleString('en')} customers`, () => customers(sql, sizes.customers));
    await step('analyze customers', () => sql`analyze customers`);
    await step(`${sizes.retention.toLocaleString('en')} retention cases`, () =>
      retention(sql, sizes.retention, sizes.customers),
    );
    await step(`${sizes.disputes.toLocaleString('en')} disputes`, () => disputes(sql, sizes.disputes, sizes.customers));
    await step(`${sizes.outages.toLocaleString('en')} outages`, () => outages(sql, sizes.outages));
    await step(`${sizes.compensations.toLocaleString('en')} compensations`, () => compensations(sql, sizes));
    await checkReferences(sql, sizes);
    for (const index of indexes) await step(`index ${index.name}`, () => sql.unsafe(index.definition));
    await sql`drop table bench_region`;
    await sql`drop table bench_slot`;
    await step('vacuum analyze', () => sql`vacuum analyze`);
  } finally {
    await sql.end();
  }
}
