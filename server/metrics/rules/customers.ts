import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { within, type PeriodBounds } from '../period';
import { c } from './tables';

/** Customer `c` is active at instant `t`: activated before it and not churned before it. */
export function activeAt(t: SQL): SQL {
  return sql`(${c.activatedAt} < ${t} and (${c.churnedAt} is null or ${c.churnedAt} >= ${t}))`;
}

/** Churned in the period: churned_at in P. */
export function churnedIn(bounds: PeriodBounds): SQL {
  return within(sql`${c.churnedAt}`, bounds);
}

/** A competitor named (not blank): the churn breakdown by competitor counts only these. */
export const competitorNamed: SQL = sql`(nullif(trim(${c.competitor}), '') is not null)`;
