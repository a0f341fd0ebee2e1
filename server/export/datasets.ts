import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { ExportDataset } from '@/lib/schemas/exports';
import { regionMatch, repMatch } from '../metrics/filters';
import { outageInRegion } from '../metrics/outages';
import { within, type PeriodBounds } from '../metrics/period';
import { compensationIssuedIn } from '../metrics/rules/compensation';
import { disputeOpenedIn } from '../metrics/rules/disputes';
import { caseOpenedIn } from '../metrics/rules/retention';
import { listOf, type ColumnKind } from './sql-format';

export interface ExportColumn {
  /** The import column of the same entity (docs/data-contract.md), so an export re-imports unchanged. */
  name: string;
  kind: ColumnKind;
  value: SQL;
  /** Personal data about a customer: left out of analysts' exports. */
  personal?: boolean;
}

/** What one dataset exports: its columns in the importer's order, and which rows a filter selects. */
export interface DatasetSpec {
  columns: readonly ExportColumn[];
  from: SQL;
  inPeriod(bounds: PeriodBounds): SQL;
  region(region: string | null): SQL;
  /** Absent when the rep filter does not apply (docs/metrics.md: churn and outages ignore it). */
  rep?: (rep: string | null) => SQL;
  /** Creation order: cheap for a cursor (the primary key), and stable across a re-import. */
  orderBy: SQL;
}

const col = (name: string, kind: ColumnKind, value: SQL, personal = false): ExportColumn => ({
  name,
  kind,
  value,
  personal,
});

const customers: DatasetSpec = {
  columns: [
    col('account_number', 'text', sql`c.account_number`),
    col('region_code', 'text', sql`c.region_code`),
    col('activated_at', 'instant', sql`c.activated_at`),
    col('monthly_fee', 'money', sql`c.monthly_fee_cents`),
    col('name', 'text', sql`c.name`, true),
    col('postcode', 'text', sql`c.postcode`),
    col('phone', 'text', sql`c.phone`, true),
    col('plan', 'text', sql`c.plan`),
    col('churned_at', 'instant', sql`c.churned_at`),
    col('churn_category', 'text', sql`c.churn_category`),
    col('churn_reason', 'text', sql`c.churn_reason`),
    col('competitor', 'text', sql`c.competitor`),
    col('sold_by', 'text', sql`sold.email`),
    col('promo_ends_at', 'instant', sql`c.promo_ends_at`),
    col('promo_monthly_discount', 'money', sql`c.promo_monthly_discount_cents`),
  ],
  from: sql`customers c left join users sold on sold.id = c.sold_by_id`,
  // Active at any time in the period: activated before its end, not churned before its start.
  inPeriod: ({ start, end }) => sql`c.activated_at < ${end} and (c.churned_at is null or c.churned_at >= ${start})`,
  region: (region) => regionMatch(sql`c.region_code`, region),
  orderBy: sql`c.id`,
};

const retentionCases: DatasetSpec = {
  columns: [
    col('case_ref', 'text', sql`r.case_ref`),
    col('account_number', 'text', sql`c.account_number`),
    col('rep', 'text', sql`rep.email`),
    col('opened_at', 'instant', sql`r.opened_at`),
    col('reason', 'text', sql`r.reason`),
    col('offer_type', 'text', sql`r.offer_type`),
    col('outcome', 'text', sql`r.outcome`),
    col('mrr_at_risk', 'money', sql`r.mrr_at_risk_cents`),
    col('closed_at', 'instant', sql`r.closed_at`),
    col('offer_monthly_discount', 'money', sql`r.offer_monthly_discount_cents`),
    col('offer_months', 'integer', sql`r.offer_months`),
  ],
  from: sql`retention_cases r join customers c on c.id = r.customer_id join users rep on rep.id = r.rep_id`,
  inPeriod: caseOpenedIn,
  region: (region) => regionMatch(sql`c.region_code`, region),
  rep: (rep) => repMatch(sql`r.rep_id`, rep),
  orderBy: sql`r.id`,
};

const disputes: DatasetSpec = {
  columns: [
    col('dispute_ref', 'text', sql`d.dispute_ref`),
    col('account_number', 'text', sql`c.account_number`),
    col('opened_at', 'instant', sql`d.opened_at`),
    col('cause', 'text', sql`d.cause`),
    col('disputed_amount', 'money', sql`d.disputed_amount_cents`),
    col('status', 'text', sql`d.status`),
    col('assigned_to', 'text', sql`assignee.email`),
    col('bill_number', 'integer', sql`d.bill_number`),
    col('undue_charge', 'boolean', sql`d.undue_charge`),
    col('recalculation_ref', 'text', sql`d.recalculation_ref`),
    col('expected_resolution_on', 'date', sql`d.expected_resolution_on`),
    col('customer_notified_at', 'instant', sql`d.customer_notified_at`),
    col('resolved_at', 'instant', sql`d.resolved_at`),
    col('credited_amount', 'money', sql`d.credited_amount_cents`),
  ],
  from: sql`disputes d join customers c on c.id = d.customer_id left join users assignee on assignee.id = d.assigned_to_id`,
  inPeriod: disputeOpenedIn,
  region: (region) => regionMatch(sql`c.region_code`, region),
  rep: (rep) => repMatch(sql`d.assigned_to_id`, rep),
  orderBy: sql`d.id`,
};

const outages: DatasetSpec = {
  columns: [
    col('outage_ref', 'text', sql`o.outage_ref`),
    col('title', 'text', sql`o.title`),
    col('severity', 'text', sql`o.severity`),
    col('started_at', 'instant', sql`o.started_at`),
    col('region_codes', 'list', listOf(sql`x.region_code`, sql`outage_regions x where x.outage_id = o.id`)),
    col('postcodes', 'list', listOf(sql`x.postcode`, sql`outage_postcodes x where x.outage_id = o.id`)),
    col('force_majeure', 'boolean', sql`o.force_majeure`),
    // In SERVICE_KINDS order, as the import stores them; empty: every service.
    col('services', 'list', sql`array_to_string(o.services, ';')`),
    col('detected_at', 'instant', sql`o.detected_at`),
    col('public_comm_at', 'instant', sql`o.public_comm_at`),
    col('ivr_message_at', 'instant', sql`o.ivr_message_at`),
    col('sms_sent_at', 'instant', sql`o.sms_sent_at`),
    col('agents_briefed_at', 'instant', sql`o.agents_briefed_at`),
    col('unlimited_data_at', 'instant', sql`o.unlimited_data_at`),
    col('resolved_at', 'instant', sql`o.resolved_at`),
  ],
  from: sql`outages o`,
  inPeriod: (bounds) => within(sql`o.started_at`, bounds),
  // An outage matches a region it affects (docs/metrics.md).
  region: outageInRegion,
  orderBy: sql`o.id`,
};

const compensations: DatasetSpec = {
  columns: [
    col('comp_ref', 'text', sql`k.comp_ref`),
    col('account_number', 'text', sql`c.account_number`),
    col('kind', 'text', sql`k.kind`),
    col('amount', 'money', sql`k.amount_cents`),
    col('issued_at', 'instant', sql`k.issued_at`),
    col('issued_by', 'text', sql`issuer.email`),
    col('retention_case_ref', 'text', sql`rc.case_ref`),
    col('dispute_ref', 'text', sql`dd.dispute_ref`),
    col('outage_ref', 'text', sql`oo.outage_ref`),
  ],
  from: sql`compensations k
    join customers c on c.id = k.customer_id
    left join users issuer on issuer.id = k.issued_by_id
    left join retention_cases rc on rc.id = k.retention_case_id
    left join disputes dd on dd.id = k.dispute_id
    left join outages oo on oo.id = k.outage_id`,
  inPeriod: compensationIssuedIn,
  region: (region) => regionMatch(sql`c.region_code`, region),
  rep: (rep) => repMatch(sql`k.issued_by_id`, rep),
  orderBy: sql`k.id`,
};

export const DATASETS: Record<ExportDataset, DatasetSpec> = {
  customers,
  retention_cases: retentionCases,
  disputes,
  outages,
  compensations,
};
