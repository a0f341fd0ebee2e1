import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { addDays, todayIn } from '@/lib/periods';
import { activeAt } from './churn';
import { regionMatch, toInt, toNumberOrNull } from './filters';
import { periodBounds, within } from './period';

/** How far ahead the promo cliff looks, in calendar days after today. */
export const PROMO_CLIFF_DAYS = 60;
/** The most rows returned; count and total always cover every customer in the window. */
export const PROMO_CLIFF_ROW_LIMIT = 1000;

export interface PromoCliffParams {
  region: string | null;
  tz: string;
  /** "Now"; defaults to the current time. */
  asOf?: Date;
  days?: number;
  limit?: number;
}

export interface PromoCliffRow {
  accountNumber: string;
  customerName: string | null;
  region: string;
  plan: string | null;
  /** The promotion's end, as a calendar date in the report time zone. */
  promoEndDate: string;
  monthlyFeeCents: number;
  /** What the monthly bill goes up by when the promotion ends (`promo_monthly_discount`). */
  priceJumpCents: number | null;
}

export interface PromoCliff {
  /** The window: calendar dates, inclusive, in the report time zone. */
  from: string;
  to: string;
  count: number;
  totalJumpCents: number;
  rows: PromoCliffRow[];
  truncated: boolean;
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Active customers whose promotion ends between today and today + 60 days (calendar dates in the
 * report time zone, both inclusive), soonest first: the bills about to jump.
 */
export async function promoCliff(db: Db, params: PromoCliffParams): Promise<PromoCliff> {
  const now = params.asOf ?? new Date();
  const from = todayIn(params.tz, now);
  const to = addDays(from, params.days ?? PROMO_CLIFF_DAYS);
  const limit = params.limit ?? PROMO_CLIFF_ROW_LIMIT;
  const bounds = periodBounds({ from, to, tz: params.tz });
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select c.account_number, c.name, c.region_code, c.plan,
        to_char(c.promo_ends_at at time zone ${params.tz}, 'YYYY-MM-DD') as promo_end_date,
        c.monthly_fee_cents, c.promo_monthly_discount_cents,
        count(*) over () as total_count,
        coalesce(sum(c.promo_monthly_discount_cents) over (), 0) as total_jump
      from customers c
      where ${within(sql`c.promo_ends_at`, bounds)}
        and ${activeAt(sql`${now.toISOString()}::timestamptz`)}
        and ${regionMatch(sql`c.region_code`, params.region)}
      order by c.promo_ends_at, c.account_number collate "C"
      limit ${limit}`,
  );
  const first = rows[0];
  const count = toInt(first?.total_count);
  return {
    from,
    to,
    count,
    totalJumpCents: toInt(first?.total_jump),
    truncated: count > rows.length,
    rows: rows.map((r) => ({
      accountNumber: String(r.account_number),
      customerName: textOrNull(r.name),
      region: String(r.region_code),
      plan: textOrNull(r.plan),
      promoEndDate: String(r.promo_end_date),
      monthlyFeeCents: toInt(r.monthly_fee_cents),
      priceJumpCents: toNumberOrNull(r.promo_monthly_discount_cents),
    })),
  };
}
