import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { regions, users } from '@/db/schema';
import { IDLE_ABOVE_ABSOLUTE, sessionLengthsAgree, type EditableSettings } from '@/lib/schemas/settings';
import { ApiError } from '../../http/api-error';

/**
 * What the input schema cannot see: the zone must be one PostgreSQL knows (reports convert in SQL),
 * the two session lengths must agree with each other as they will be stored, an override must
 * name a rep (only reps have credit limits), and a region's legal policy must name a known region.
 */
export async function assertSettingsHold(db: Db, next: EditableSettings, changed: ReadonlySet<string>): Promise<void> {
  if (changed.has('reportTz')) {
    const known = await queryRows<{ name: string }>(
      db,
      sql`select name from pg_timezone_names where name = ${next.reportTz}`,
    );
    if (known.length === 0)
      throw new ApiError('bad_request', `Time zone: the database does not know ${next.reportTz}.`, {
        key: 'unknownTimeZone',
        params: { zone: next.reportTz },
      });
  }
  if (
    (changed.has('sessionIdleMinutes') || changed.has('sessionAbsoluteHours')) &&
    !sessionLengthsAgree(next.sessionIdleMinutes, next.sessionAbsoluteHours)
  ) {
    throw new ApiError(
      'bad_request',
      `${IDLE_ABOVE_ABSOLUTE} (${next.sessionIdleMinutes} minutes idle, ${next.sessionAbsoluteHours} hours in all)`,
      {
        key: 'idleAboveAbsolute',
        params: { idle: next.sessionIdleMinutes, absolute: next.sessionAbsoluteHours },
      },
    );
  }
  if (changed.has('legalCompensationPolicies')) {
    const codes = [...new Set(next.legalCompensationPolicies.map((a) => a.regionCode))];
    const known =
      codes.length === 0
        ? []
        : await db.select({ code: regions.code }).from(regions).where(inArray(regions.code, codes));
    const unknown = codes.filter((code) => !known.some((k) => k.code === code));
    if (unknown.length > 0) {
      throw new ApiError('bad_request', `Legal compensation policy: unknown region ${unknown.join(', ')}.`, {
        key: 'policyUnknownRegion',
        params: { list: unknown.join(', ') },
      });
    }
  }
  if (changed.has('creditLimitOverrides')) {
    const ids = next.creditLimitOverrides.flatMap((o) => (o.userId === undefined ? [] : [o.userId]));
    if (ids.length === 0) return;
    const found = await db
      .select({ id: users.id, email: users.email, role: users.role })
      .from(users)
      .where(inArray(users.id, ids));
    for (const id of ids) {
      const user = found.find((u) => u.id === id);
      if (!user) {
        throw new ApiError('bad_request', `Credit-limit overrides: there is no user ${id}.`, {
          key: 'overrideNoUser',
          params: { id: String(id) },
        });
      }
      if (user.role !== 'rep') {
        throw new ApiError(
          'bad_request',
          `Credit-limit overrides: ${user.email} is a ${user.role}; only reps have credit limits.`,
          { key: 'overrideNotRep', params: { email: user.email, role: user.role } },
        );
      }
    }
  }
}
