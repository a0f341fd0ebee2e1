import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { toInt } from '../../metrics/filters';
import type { SessionUser } from '../../auth/session-user';
import { customerNotFound, customerScope, regionInScope } from './scope';
import { customerTimeline, type TimelineItem } from './timeline';

export interface CustomerProfile {
  id: number;
  accountNumber: string;
  name: string | null;
  regionCode: string;
  regionName: string;
  postcode: string | null;
  plan: string | null;
  monthlyFeeCents: number;
  status: 'active' | 'churned';
  activatedAt: Date;
  churnedAt: Date | null;
  churnCategory: string | null;
  churnReason: string | null;
  competitor: string | null;
  promoEndsAt: Date | null;
  promoMonthlyDiscountCents: number | null;
  soldBy: string | null;
}

export interface Customer360 {
  profile: CustomerProfile;
  timeline: TimelineItem[];
}

/** Instants arrive as Date from both drivers; a string is parsed to be safe. */
const asDate = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

interface ProfileRow {
  id: number | string;
  account_number: string;
  name: string | null;
  region_code: string;
  region_name: string;
  postcode: string | null;
  plan: string | null;
  monthly_fee_cents: number | string;
  activated_at: Date | string;
  churned_at: Date | string | null;
  churn_category: string | null;
  churn_reason: string | null;
  competitor: string | null;
  promo_ends_at: Date | string | null;
  promo_monthly_discount_cents: number | string | null;
  sold_by: string | null;
}

/**
 * One customer as the actor may see them: the profile, and every dispute, retention case,
 * compensation and outage that concerned them, newest first. A customer out of the actor's scope
 * answers exactly like an unknown account.
 */
export async function loadCustomer360(
  db: Db,
  actor: SessionUser,
  account: string,
  now: Date = new Date(),
): Promise<Customer360> {
  const scope = customerScope(actor);
  const [row] = await queryRows<ProfileRow>(
    db,
    sql`select c.id, c.account_number, c.name, c.region_code, g.name as region_name, c.postcode, c.plan,
        c.monthly_fee_cents, c.activated_at, c.churned_at, c.churn_category, c.churn_reason, c.competitor,
        c.promo_ends_at, c.promo_monthly_discount_cents, u.name as sold_by
      from customers c
      join regions g on g.code = c.region_code
      left join users u on u.id = c.sold_by_id
      where c.account_number = ${account} and ${regionInScope(scope, sql`c.region_code`)}`,
  );
  if (!row) throw customerNotFound(account);
  const activatedAt = new Date(row.activated_at);
  const churnedAt = asDate(row.churned_at);
  const profile: CustomerProfile = {
    id: toInt(row.id),
    accountNumber: row.account_number,
    name: row.name,
    regionCode: row.region_code,
    regionName: row.region_name,
    postcode: row.postcode,
    plan: row.plan,
    monthlyFeeCents: toInt(row.monthly_fee_cents),
    status: churnedAt !== null && churnedAt <= now ? 'churned' : 'active',
    activatedAt,
    churnedAt,
    churnCategory: row.churn_category,
    churnReason: row.churn_reason,
    competitor: row.competitor,
    promoEndsAt: asDate(row.promo_ends_at),
    promoMonthlyDiscountCents:
      row.promo_monthly_discount_cents === null ? null : toInt(row.promo_monthly_discount_cents),
    soldBy: row.sold_by,
  };
  return { profile, timeline: await customerTimeline(db, actor, profile) };
}
