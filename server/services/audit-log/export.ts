import 'server-only';
import { and, desc, eq, lte, max, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import type { AuditFilters } from '@/lib/schemas/audit-log';
import type { SessionUser } from '../../auth/session-user';
import { recordAudit } from '../audit';
import { auditColumns, auditWhere } from './filters';
import { zonedIso } from '@/server/import/zoned-time';

export interface AuditCsvRow {
  id: number;
  /** ISO 8601 with the report time zone's offset. */
  at: string;
  actor_email: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  /** The details as JSON text. */
  details: string | null;
}

export const AUDIT_CSV_COLUMNS: (keyof AuditCsvRow)[] = [
  'id',
  'at',
  'actor_email',
  'actor_name',
  'action',
  'entity',
  'entity_id',
  'details',
];

const BATCH = 2_000;

export interface AuditCsv {
  filename: string;
  columns: (keyof AuditCsvRow)[];
  /** Rows newest first, a batch per query; the CSV writer formula-guards their text. */
  batches: AsyncGenerator<AuditCsvRow[]>;
}

/**
 * The audit rows the filters select, for a CSV. The export itself is audited first, and the rows
 * are those recorded before it, so paging through a log that grows meanwhile neither repeats nor skips.
 */
export async function auditCsv(db: Db, actor: SessionUser, filters: AuditFilters, timezone: string): Promise<AuditCsv> {
  const [last] = await db.select({ id: max(auditLog.id) }).from(auditLog);
  const upToId = last?.id ?? 0;
  await recordAudit(db, { actorId: actor.id, action: 'audit_log.export', entity: 'audit_log', details: { filters } });
  return {
    filename: `audit-log-${zonedIso(new Date(), timezone).slice(0, 10)}.csv`,
    columns: AUDIT_CSV_COLUMNS,
    batches: batches(db, filters, timezone, Number(upToId)),
  };
}

interface After {
  /** PostgreSQL's own text of the last row's instant: exact to the microsecond, unlike a Date. */
  at: string;
  id: number;
}

function page(db: Db, filters: AuditFilters, timezone: string, upToId: number, after: After | null) {
  return db
    .select({ ...auditColumns, atKey: sql<string>`${auditLog.at}::text` })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        auditWhere(filters, timezone),
        lte(auditLog.id, upToId),
        after === null ? undefined : sql`(${auditLog.at}, ${auditLog.id}) < (${after.at}::timestamptz, ${after.id})`,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(BATCH);
}

async function* batches(
  db: Db,
  filters: AuditFilters,
  timezone: string,
  upToId: number,
): AsyncGenerator<AuditCsvRow[]> {
  let after: After | null = null;
  for (;;) {
    const rows = await page(db, filters, timezone, upToId, after);
    const tail = rows.at(-1);
    if (!tail) return;
    after = { at: tail.atKey, id: tail.id };
    yield rows.map((r) => ({
      id: r.id,
      at: zonedIso(r.at, timezone),
      actor_email: r.actorEmail,
      actor_name: r.actorName,
      action: r.action,
      entity: r.entity,
      entity_id: r.entityId,
      details: r.details === null ? null : JSON.stringify(r.details),
    }));
    if (rows.length < BATCH) return;
  }
}
