import 'server-only';
import { asc, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, users } from '@/db/schema';

/** The choices of the audit filters: who, on what and which actions appear in the log. */
export async function auditFacets(db: Db) {
  const [actors, entities, actions, system] = await Promise.all([
    db
      .select({ email: users.email, name: users.name })
      .from(users)
      .where(sql`exists (select 1 from ${auditLog} where ${auditLog.actorId} = ${users.id})`)
      .orderBy(asc(users.email)),
    db.selectDistinct({ value: auditLog.entity }).from(auditLog).orderBy(asc(auditLog.entity)),
    db.selectDistinct({ value: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)),
    db.select({ id: auditLog.id }).from(auditLog).where(isNull(auditLog.actorId)).limit(1),
  ]);
  return {
    actors,
    hasSystemRows: system.length > 0,
    entities: entities.map((r) => r.value),
    actions: actions.map((r) => r.value),
  };
}
