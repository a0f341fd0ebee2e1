import 'server-only';
import { count, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { AUDIT_PAGE_SIZE, auditFiltersOf, type AuditListInput } from '@/lib/schemas/audit-log';
import { auditColumns, auditWhere } from './filters';

/** One page of the audit log, newest first, with the total the filters select. */
export async function listAuditLog(db: Db, input: AuditListInput, timezone: string) {
  const where = auditWhere(auditFiltersOf(input), timezone);
  const [totals] = await db
    .select({ n: count() })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where);
  const total = Number(totals?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(input.page, pages);
  const rows = await db
    .select(auditColumns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  return { rows, total, page, pages, pageSize: AUDIT_PAGE_SIZE, timezone };
}

export type AuditLogPage = Awaited<ReturnType<typeof listAuditLog>>;
