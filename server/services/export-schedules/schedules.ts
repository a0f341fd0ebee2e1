import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { exportRuns, exportScheduleRecipients, exportSchedules, users } from '@/db/schema';
import { nextDueAt } from '@/lib/export-schedules/cadence';
import type { ExportScheduleCreateInput, ExportScheduleUpdateInput } from '@/lib/schemas/export-schedules';
import { todayIn } from '@/lib/periods';
import type { SessionUser } from '../../auth/session-user';
import { planExport } from '../../export/plan';
import { ApiError } from '../../http/api-error';
import { getSettings } from '../settings';
import { assertRecipientsInScope } from './recipients';

/** At most this many schedules per owner: each runs an export of the owner's at its hour. */
export const MAX_SCHEDULES_PER_OWNER = 20;

/**
 * The export's own checks, on today's date: the owner may export (reps may not), a regional
 * manager only their region, the region and rep exist. A run checks again with the owner's role then.
 */
async function assertOwnerMayExport(db: Db, owner: SessionUser, input: ExportScheduleCreateInput, timeZone: string) {
  const today = todayIn(timeZone);
  await planExport(db, owner, {
    dataset: input.dataset,
    format: input.format,
    from: today,
    to: today,
    region: input.filters.region,
    rep: input.filters.rep,
  });
}

function columnsOf(input: ExportScheduleCreateInput, timeZone: string, now: Date) {
  return {
    name: input.name,
    dataset: input.dataset,
    format: input.format,
    filters: input.filters,
    cadence: input.timing.cadence,
    hour: input.timing.hour,
    weekday: input.timing.cadence === 'weekly' ? input.timing.weekday : null,
    dayOfMonth: input.timing.cadence === 'monthly' ? input.timing.dayOfMonth : null,
    nextRunAt: nextDueAt(input.timing, now, timeZone),
    updatedAt: now,
  };
}

async function replaceRecipients(tx: Db, scheduleId: number, ids: readonly number[]) {
  await tx.delete(exportScheduleRecipients).where(eq(exportScheduleRecipients.scheduleId, scheduleId));
  await tx.insert(exportScheduleRecipients).values(ids.map((userId) => ({ scheduleId, userId })));
}

export async function createSchedule(db: Db, owner: SessionUser, input: ExportScheduleCreateInput) {
  const { reportTz } = await getSettings(db);
  await assertOwnerMayExport(db, owner, input, reportTz);
  await assertRecipientsInScope(db, owner, input.recipientIds);
  return db.transaction(async (tx) => {
    const held = await tx.$count(exportSchedules, eq(exportSchedules.ownerId, owner.id));
    if (held >= MAX_SCHEDULES_PER_OWNER) {
      throw new ApiError('bad_request', `You already have ${MAX_SCHEDULES_PER_OWNER} schedules; delete one first.`);
    }
    const [row] = await tx
      .insert(exportSchedules)
      .values({ ownerId: owner.id, ...columnsOf(input, reportTz, new Date()) })
      .returning({ id: exportSchedules.id, nextRunAt: exportSchedules.nextRunAt });
    if (!row) throw new Error('insert returned no row');
    await replaceRecipients(tx, row.id, input.recipientIds);
    return row;
  });
}

/** The owner's schedule, locked; anyone else's is not found. */
async function ownSchedule(tx: Db, owner: SessionUser, id: number) {
  const [row] = await tx
    .select({ id: exportSchedules.id })
    .from(exportSchedules)
    .where(and(eq(exportSchedules.id, id), eq(exportSchedules.ownerId, owner.id)))
    .for('update');
  if (!row) throw new ApiError('not_found', 'No such schedule.');
  return row;
}

export async function updateSchedule(db: Db, owner: SessionUser, input: ExportScheduleUpdateInput) {
  const { reportTz } = await getSettings(db);
  await assertOwnerMayExport(db, owner, input, reportTz);
  await assertRecipientsInScope(db, owner, input.recipientIds);
  return db.transaction(async (tx) => {
    await ownSchedule(tx, owner, input.id);
    const [row] = await tx
      .update(exportSchedules)
      .set(columnsOf(input, reportTz, new Date()))
      .where(eq(exportSchedules.id, input.id))
      .returning({ id: exportSchedules.id, nextRunAt: exportSchedules.nextRunAt });
    await replaceRecipients(tx, input.id, input.recipientIds);
    return row;
  });
}

/** Pauses or resumes; a resumed schedule runs at its next due time from now, not the ones it missed. */
export async function setScheduleEnabled(db: Db, owner: SessionUser, id: number, enabled: boolean) {
  const { reportTz } = await getSettings(db);
  return db.transaction(async (tx) => {
    await ownSchedule(tx, owner, id);
    const [current] = await tx.select().from(exportSchedules).where(eq(exportSchedules.id, id));
    if (!current) throw new ApiError('not_found', 'No such schedule.');
    const now = new Date();
    const [row] = await tx
      .update(exportSchedules)
      .set({ enabled, updatedAt: now, ...(enabled ? { nextRunAt: nextDueAt(current, now, reportTz) } : {}) })
      .where(eq(exportSchedules.id, id))
      .returning({ id: exportSchedules.id, enabled: exportSchedules.enabled, nextRunAt: exportSchedules.nextRunAt });
    return row;
  });
}

/** Deletes the schedule with its runs and their files; links already sent then answer 410. */
export async function removeSchedule(db: Db, owner: SessionUser, id: number): Promise<{ id: number }> {
  const [row] = await db
    .delete(exportSchedules)
    .where(and(eq(exportSchedules.id, id), eq(exportSchedules.ownerId, owner.id)))
    .returning({ id: exportSchedules.id });
  if (!row) throw new ApiError('not_found', 'No such schedule.');
  return row;
}

const runColumns = {
  id: exportRuns.id,
  dueAt: exportRuns.dueAt,
  status: exportRuns.status,
  periodFrom: exportRuns.periodFrom,
  periodTo: exportRuns.periodTo,
  rowCount: exportRuns.rowCount,
  fileName: exportRuns.fileName,
  fileBytes: exportRuns.fileBytes,
  errorMessage: exportRuns.errorMessage,
  attempts: exportRuns.attempts,
  startedAt: exportRuns.startedAt,
  finishedAt: exportRuns.finishedAt,
  linkExpiresAt: exportRuns.linkExpiresAt,
};

/** The owner's schedules, newest first, each with its recipients and latest run. */
export async function listSchedules(db: Db, owner: SessionUser) {
  const schedules = await db
    .select()
    .from(exportSchedules)
    .where(eq(exportSchedules.ownerId, owner.id))
    .orderBy(desc(exportSchedules.id));
  const ids = schedules.map((s) => s.id);
  if (ids.length === 0) return [];
  const recipients = await db
    .select({ scheduleId: exportScheduleRecipients.scheduleId, id: users.id, name: users.name, email: users.email })
    .from(exportScheduleRecipients)
    .innerJoin(users, eq(users.id, exportScheduleRecipients.userId))
    .where(inArray(exportScheduleRecipients.scheduleId, ids));
  const latest = await db
    .selectDistinctOn([exportRuns.scheduleId], { scheduleId: exportRuns.scheduleId, ...runColumns })
    .from(exportRuns)
    .where(inArray(exportRuns.scheduleId, ids))
    .orderBy(exportRuns.scheduleId, desc(exportRuns.dueAt));
  return schedules.map((s) => ({
    id: s.id,
    name: s.name,
    dataset: s.dataset,
    format: s.format,
    filters: s.filters,
    timing: { cadence: s.cadence, hour: s.hour, weekday: s.weekday, dayOfMonth: s.dayOfMonth },
    enabled: s.enabled,
    nextRunAt: s.nextRunAt,
    recipients: recipients.filter((r) => r.scheduleId === s.id).map(({ id, name, email }) => ({ id, name, email })),
    lastRun: latest.find((r) => r.scheduleId === s.id) ?? null,
  }));
}

/** A schedule's last 50 runs, failures with their reason; only its owner sees them. */
export async function listScheduleRuns(db: Db, owner: SessionUser, id: number) {
  const [schedule] = await db
    .select({ id: exportSchedules.id })
    .from(exportSchedules)
    .where(and(eq(exportSchedules.id, id), eq(exportSchedules.ownerId, owner.id)));
  if (!schedule) throw new ApiError('not_found', 'No such schedule.');
  return db.select(runColumns).from(exportRuns).where(eq(exportRuns.scheduleId, id)).orderBy(desc(exportRuns.dueAt)).limit(50);
}
