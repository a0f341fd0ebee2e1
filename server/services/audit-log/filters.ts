import 'server-only';
import { and, eq, gte, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { auditLog, users } from '@/db/schema';
import { SYSTEM_ACTOR, type AuditFilters } from '@/lib/schemas/audit-log';

/**
 * The WHERE of the audit filters, for a query on audit_log left-joined to users (the actor). Days
 * are calendar days in the report time zone: from its first instant of `from` to the first of the
 * day after `to`.
 */
export function auditWhere(filters: AuditFilters, timezone: string): SQL | undefined {
  return and(
    filters.actor === null
      ? undefined
      : filters.actor === SYSTEM_ACTOR
        ? isNull(auditLog.actorId)
        : eq(users.email, filters.actor.toLowerCase()),
    filters.entity === null ? undefined : eq(auditLog.entity, filters.entity),
    filters.entityId === null ? undefined : eq(auditLog.entityId, filters.entityId),
    filters.action === null ? undefined : eq(auditLog.action, filters.action),
    filters.from === null
      ? undefined
      : gte(auditLog.at, sql`(${filters.from}::date)::timestamp at time zone ${timezone}`),
    filters.to === null
      ? undefined
      : lt(auditLog.at, sql`(${filters.to}::date + 1)::timestamp at time zone ${timezone}`),
  );
}

/** The columns every audit listing shows. */
export const auditColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorEmail: users.email,
  actorName: users.name,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  details: auditLog.details,
};
