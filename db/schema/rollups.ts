import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { instant } from './columns';

/*
 * Pre-aggregated figures, kept by statement-level triggers in the writing transaction
 * (migration 0004_rollup_triggers) and rebuilt from the base tables by rollups_rebuild().
 * Every row is keyed by a calendar day of the time zone in rollup_state: grain 'd' is that day,
 * grain 'm' the whole month starting on it. rep_id 0 stands for "nobody" (unassigned, automatic).
 * Measures are additive only; whatever does not add up across days is read from the base tables.
 */

const count = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);
const grainCheck = (name: string, grain: unknown) => check(name, sql`${grain} in ('d', 'm')`);

/** The one row saying which time zone and dispute SLA the rollups were built for. */
export const rollupState = pgTable(
  'rollup_state',
  {
    id: integer('id').primaryKey().default(1),
    /** '' until the first build: the triggers do nothing and the first read builds. */
    tz: text('tz').notNull(),
    disputeSlaHours: integer('dispute_sla_hours').notNull(),
    builtAt: instant('built_at'),
  },
  (t) => [check('rollup_state_one_row', sql`${t.id} = 1`)],
);

/** Customers activated (event 'joined') and churned on a day, per region, churn category and competitor. */
export const rollupCustomers = pgTable(
  'rollup_customers',
  {
    grain: text('grain').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    regionCode: text('region_code').notNull(),
    /** '' on activation rows. */
    churnCategory: text('churn_category').notNull(),
    /** The competitor as written, '' when blank or on activation rows. */
    competitor: text('competitor').notNull(),
    joined: count('joined'),
    joinedFeesCents: count('joined_fees_cents'),
    churned: count('churned'),
    churnedFeesCents: count('churned_fees_cents'),
  },
  (t) => [
    primaryKey({ columns: [t.grain, t.day, t.regionCode, t.churnCategory, t.competitor] }),
    grainCheck('rollup_customers_grain', t.grain),
  ],
);

/** Retention cases opened (event 'opened') and closed saved or lost (event 'closed') on a day. */
export const rollupRetention = pgTable(
  'rollup_retention',
  {
    grain: text('grain').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    event: text('event').notNull(),
    regionCode: text('region_code').notNull(),
    repId: integer('rep_id').notNull(),
    /** '' on 'opened' rows. */
    offerType: text('offer_type').notNull(),
    reason: text('reason').notNull(),
    outcome: text('outcome').notNull(),
    cases: count('cases'),
    /** mrr_at_risk − offer_monthly_discount, summed over the rows' cases. */
    keptMrrCents: count('kept_mrr_cents'),
    /** Compensation linked to the rows' cases, whenever it was issued. */
    offerCostCents: count('offer_cost_cents'),
  },
  (t) => [
    primaryKey({ columns: [t.grain, t.day, t.event, t.regionCode, t.repId, t.offerType, t.reason, t.outcome] }),
    grainCheck('rollup_retention_grain', t.grain),
    index('rollup_retention_region_idx').on(t.regionCode, t.grain, t.day),
  ],
);

/** Disputes opened (event 'opened') and given a resolved_at (event 'resolved') on a day. */
export const rollupDisputes = pgTable(
  'rollup_disputes',
  {
    grain: text('grain').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    event: text('event').notNull(),
    regionCode: text('region_code').notNull(),
    repId: integer('rep_id').notNull(),
    /** '' on 'resolved' rows. */
    cause: text('cause').notNull(),
    firstBill: boolean('first_bill').notNull(),
    /** Status resolved or rejected ('resolved' rows; a reopened dispute keeps its resolved_at). */
    closedStatus: boolean('closed_status').notNull(),
    undue: boolean('undue').notNull(),
    /** Resolved within rollup_state.dispute_sla_hours of opening. */
    inSla: boolean('in_sla').notNull(),
    disputes: count('disputes'),
    disputedCents: count('disputed_cents'),
    creditedCents: count('credited_cents'),
  },
  (t) => [
    primaryKey({
      columns: [t.grain, t.day, t.event, t.regionCode, t.repId, t.cause, t.firstBill, t.closedStatus, t.undue, t.inSla],
    }),
    grainCheck('rollup_disputes_grain', t.grain),
    index('rollup_disputes_region_idx').on(t.regionCode, t.grain, t.day),
  ],
);

/** Compensation issued on a day, per customer region, issuing rep (0: automatic) and kind. */
export const rollupCompensations = pgTable(
  'rollup_compensations',
  {
    grain: text('grain').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    regionCode: text('region_code').notNull(),
    repId: integer('rep_id').notNull(),
    kind: text('kind').notNull(),
    count: count('count'),
    amountCents: count('amount_cents'),
  },
  (t) => [
    primaryKey({ columns: [t.grain, t.day, t.regionCode, t.repId, t.kind] }),
    grainCheck('rollup_compensations_grain', t.grain),
    index('rollup_compensations_region_idx').on(t.regionCode, t.grain, t.day),
  ],
);
