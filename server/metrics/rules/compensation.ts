import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { within, type PeriodBounds } from '../period';
import { k } from './tables';

/** Issued in the period: issued_at in P. */
export function compensationIssuedIn(bounds: PeriodBounds): SQL {
  return within(sql`${k.issuedAt}`, bounds);
}
