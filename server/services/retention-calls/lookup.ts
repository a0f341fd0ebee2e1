import 'server-only';
import { and, asc, eq, ilike, isNull, or, sql, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, users } from '@/db/schema';
import type { SessionUser } from '../../auth/session-user';
import { getSettings } from '../settings';
import { assertMayLogCalls, callScope, customerInScope, type CallScope } from './scope';

export const LOOKUP_LIMIT = 10;

export interface CustomerMatch {
  id: number;
  accountNumber: string;
  name: string | null;
  postcode: string | null;
  regionCode: string;
  plan: string | null;
  monthlyFeeCents: number;
  churnedAt: Date | null;
  churnCategory: string | null;
  /** The latest pending retention case of the customer, so a second one is not opened by mistake. */
  pendingCaseRef: string | null;
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Lower case without Spanish and Catalan accents, so "garcia" finds "García". */
const folded = (value: SQLWrapper) =>
  sql`translate(lower(${value}), 'áàäâéèëêíìïîóòöôúùüûñç', 'aaaaeeeeiiiioooouuuunc')`;

/**
 * Customers the actor handles whose account number or postcode starts with `q`, or whose name
 * contains it (ignoring case and accents): the exact account first, then active customers before churned ones.
 */
export async function lookupCustomers(db: Db, actor: SessionUser, params: { q: string }): Promise<CustomerMatch[]> {
  assertMayLogCalls(actor);
  const q = params.q.trim();
  const prefix = `${likeEscape(q)}%`;
  return db
    .select({
      id: customers.id,
      accountNumber: customers.accountNumber,
      name: customers.name,
      postcode: customers.postcode,
      regionCode: customers.regionCode,
      plan: customers.plan,
      monthlyFeeCents: customers.monthlyFeeCents,
      churnedAt: customers.churnedAt,
      churnCategory: customers.churnCategory,
      pendingCaseRef: sql<string | null>`(select r.case_ref from retention_cases r
        where r.customer_id = ${customers.id} and r.outcome = 'pending'
        order by r.opened_at desc limit 1)`,
    })
    .from(customers)
    .where(
      and(
        customerInScope(callScope(actor)),
        or(
          ilike(customers.accountNumber, prefix),
          ilike(customers.postcode, prefix),
          sql`${folded(customers.name)} like ${folded(sql`${`%${likeEscape(q)}%`}::text`)}`,
        ),
      ),
    )
    .orderBy(
      sql`lower(${customers.accountNumber}) = lower(${q}) desc`,
      sql`${customers.churnedAt} is not null`,
      // Someone typing an account number reads the matches in account order; a name, in name order.
      sql`case when ${customers.accountNumber} ilike ${prefix} then ${customers.accountNumber} end`,
      asc(customers.name),
      asc(customers.accountNumber),
    )
    .limit(LOOKUP_LIMIT);
}

export interface RepChoice {
  id: number;
  name: string;
  email: string;
  regionCode: string | null;
}

/**
 * The reps a manager or admin may log a call for: active retention reps (or reps with no team)
 * of the manager's region, or of every region. A rep logs their own calls and chooses no one.
 */
export async function listRepChoices(db: Db, actor: SessionUser): Promise<RepChoice[]> {
  if (actor.role !== 'manager' && actor.role !== 'admin') return [];
  const scope = callScope(actor);
  return db
    .select({ id: users.id, name: users.name, email: users.email, regionCode: users.regionCode })
    .from(users)
    .where(
      and(
        eq(users.role, 'rep'),
        eq(users.active, true),
        or(eq(users.team, 'retention'), isNull(users.team)),
        typeof scope === 'object' ? eq(users.regionCode, scope.region) : undefined,
      ),
    )
    .orderBy(asc(users.regionCode), asc(users.name));
}

/** What the call form needs besides the customer: the reps to choose from, the scope, money and time settings. */
export async function callFormOptions(db: Db, actor: SessionUser) {
  assertMayLogCalls(actor);
  const [reps, settings] = await Promise.all([listRepChoices(db, actor), getSettings(db)]);
  const scope: CallScope = callScope(actor);
  return {
    reps,
    chooseRep: actor.role !== 'rep',
    region: typeof scope === 'object' ? scope.region : scope,
    currency: settings.currency,
    timeZone: settings.reportTz,
  };
}
