import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { Team } from '@/lib/vocabularies';
import type { Settings } from '../settings';

export type CreditLimitSettings = Pick<
  Settings,
  'repCreditLimitPerCaseCents' | 'repCreditLimitPerMonthCents' | 'creditLimitOverrides'
>;

export interface CreditLimits {
  perCaseCents: number;
  perMonthCents: number;
  /** Where the limits come from: the user's own override, their team's, or the default. */
  source: 'user' | 'team' | 'default';
}

/** A user's own override wins over their team's, which wins over the default. */
export function effectiveCreditLimits(
  settings: CreditLimitSettings,
  who: { userId: number; team: Team | null },
): CreditLimits {
  const own = settings.creditLimitOverrides.find((o) => o.userId === who.userId);
  if (own) return { perCaseCents: own.perCaseCents, perMonthCents: own.perMonthCents, source: 'user' };
  const team = who.team === null ? undefined : settings.creditLimitOverrides.find((o) => o.team === who.team);
  if (team) return { perCaseCents: team.perCaseCents, perMonthCents: team.perMonthCents, source: 'team' };
  return {
    perCaseCents: settings.repCreditLimitPerCaseCents,
    perMonthCents: settings.repCreditLimitPerMonthCents,
    source: 'default',
  };
}

/** The limits of rep `userId`, reading their team as it is now (a move between teams counts at once). */
export async function repCreditLimits(db: Db, userId: number, settings: CreditLimitSettings): Promise<CreditLimits> {
  const [row] = await db.select({ team: users.team }).from(users).where(eq(users.id, userId));
  return effectiveCreditLimits(settings, { userId, team: row?.team ?? null });
}
