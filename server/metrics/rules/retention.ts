import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { within, type PeriodBounds } from '../period';
import { r } from './tables';

/** Opened in the period: opened_at in P. */
export function caseOpenedIn(bounds: PeriodBounds): SQL {
  return within(sql`${r.openedAt}`, bounds);
}

/** Closed in the period: saved or lost (outcome saved or churned), closed_at in P. */
export function caseClosedIn(bounds: PeriodBounds): SQL {
  return sql`(${r.outcome} in ('saved', 'churned') and ${within(sql`${r.closedAt}`, bounds)})`;
}

/** The monthly revenue a save keeps: MRR at risk less the offer's monthly discount. */
export const keptMrr: SQL = sql`(${r.mrrAtRiskCents} - ${r.offerMonthlyDiscountCents})`;
