import 'server-only';
import { and, asc, eq, isNotNull, lt, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { exportRuns, exportSchedules } from '@/db/schema';
import { nextDueAt } from '@/lib/export-schedules/cadence';
import { enqueueJob } from '../../jobs/enqueue';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';
import { getSettings } from '../settings';

/**
 * Turns every schedule whose time has come into one run and one job, a schedule per short
 * transaction: the run row is unique per schedule and due instant, and the schedule's next due
 * time moves past `now` in the same transaction, so neither a second sweep nor a restart makes a
 * second run. A schedule that missed several due times while the app was stopped runs once, for
 * the first of them. Returns the new runs' ids.
 */
export async function claimDueRuns(db: Db, now: Date): Promise<number[]> {
  const { reportTz } = await getSettings(db);
  const created: number[] = [];
  for (;;) {
    const claimed = await db.transaction(async (tx) => {
      const [schedule] = await tx
        .select()
        .from(exportSchedules)
        .where(and(eq(exportSchedules.enabled, true), lte(exportSchedules.nextRunAt, now)))
        .orderBy(asc(exportSchedules.nextRunAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!schedule) return null;
      const [run] = await tx
        .insert(exportRuns)
        .values({ scheduleId: schedule.id, dueAt: schedule.nextRunAt })
        .onConflictDoNothing()
        .returning({ id: exportRuns.id });
      await tx
        .update(exportSchedules)
        .set({ nextRunAt: nextDueAt(schedule, now, reportTz) })
        .where(eq(exportSchedules.id, schedule.id));
      if (run) await enqueueJob(tx, 'scheduled-export', { runId: run.id });
      return run?.id ?? 0;
    });
    if (claimed === null) return created;
    if (claimed > 0) created.push(claimed);
  }
}

/**
 * The owner's "Run now": a run due at this second, outside the cadence (whose next due time stays).
 * Pressed twice in one second it is still one run. Works for a paused schedule too.
 */
export async function runScheduleNow(db: Db, owner: SessionUser, id: number, now = new Date()): Promise<{ runId: number | null }> {
  const dueAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
  return db.transaction(async (tx) => {
    const [schedule] = await tx
      .select({ id: exportSchedules.id })
      .from(exportSchedules)
      .where(and(eq(exportSchedules.id, id), eq(exportSchedules.ownerId, owner.id)))
      .for('update');
    if (!schedule) throw new ApiError('not_found', 'No such schedule.');
    const [run] = await tx
      .insert(exportRuns)
      .values({ scheduleId: id, dueAt })
      .onConflictDoNothing()
      .returning({ id: exportRuns.id });
    if (run) await enqueueJob(tx, 'scheduled-export', { runId: run.id });
    return { runId: run?.id ?? null };
  });
}

/** Drops the files of runs whose links have expired; the history keeps the run. */
export async function dropExpiredFiles(db: Db, now: Date): Promise<number> {
  const dropped = await db
    .update(exportRuns)
    .set({ file: null })
    .where(and(isNotNull(exportRuns.file), lt(exportRuns.linkExpiresAt, now)))
    .returning({ id: exportRuns.id });
  return dropped.length;
}
