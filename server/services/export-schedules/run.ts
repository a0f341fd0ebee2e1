import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { exportRunRecipients, exportRuns, exportScheduleRecipients, exportSchedules, users } from '@/db/schema';
import { resolveSchedulePeriod } from '@/lib/export-schedules/period';
import { scheduleFiltersSchema } from '@/lib/schemas/export-schedules';
import { EXPORT_DATASET_INFO } from '@/lib/schemas/exports';
import { describeKpiQueryError, kpiQuerySchema } from '@/lib/schemas/kpis';
import type { SessionUser } from '../../auth/session-user';
import { startExport } from '../../export/export-stream';
import { countExportRows } from '../../export/query';
import { ApiError } from '../../http/api-error';
import { JobFailure, recordedFailure } from '../../jobs/job-failure';
import type { Mailer } from '../../mail/mailer';
import { getSettings } from '../settings';
import { signExportLink } from './links';
import { recipientsInScope } from './recipients';

export interface RunEnvironment {
  db: Db;
  mailer: Mailer | null;
  appUrl: string;
  /** The key links are signed with (the session secret). */
  secret: string;
  linkDays: number;
  /** Largest file kept in the database; a bigger export fails with a message saying so. */
  maxFileBytes?: number;
  now?: () => Date;
}

const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A failure that another attempt cannot fix (no SMTP, the owner may no longer export): not retried. */
export class PermanentRunFailure extends JobFailure {}

/** Reads the export into memory, refusing past `max` bytes (the stream is cancelled, so the cursor stops). */
async function collect(stream: ReadableStream<Uint8Array>, max: number): Promise<Buffer> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > max) {
      await reader.cancel('too large');
      throw new PermanentRunFailure(
        `The file grew past ${Math.round(max / 1024 / 1024)} MB, more than a scheduled export keeps; narrow the filters or the period.`,
      );
    }
    chunks.push(value);
  }
}

/** The message a run shows its owner: refusals and our own failures as they are, anything else by error id. */
function safeMessage(error: unknown): string {
  if (error instanceof ApiError) {
    return error.code === 'forbidden' ? `${error.message} (the schedule's owner may no longer export this)` : error.message;
  }
  return recordedFailure(error).message;
}

async function loadRun(db: Db, runId: number) {
  const [row] = await db
    .select({ run: exportRuns, schedule: exportSchedules, owner: users })
    .from(exportRuns)
    .innerJoin(exportSchedules, eq(exportSchedules.id, exportRuns.scheduleId))
    .innerJoin(users, eq(users.id, exportSchedules.ownerId))
    .where(eq(exportRuns.id, runId));
  return row ?? null;
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadRun>>>;

/** Renders the file with the owner's role and region as they are now, never broader; stores it with its recipients. */
async function render(env: RunEnvironment, { run, schedule, owner }: Loaded): Promise<void> {
  const { db } = env;
  const now = env.now?.() ?? new Date();
  if (!owner.active) throw new PermanentRunFailure("The schedule's owner is deactivated; nothing was exported.");
  const ownerUser: SessionUser = {
    id: owner.id,
    email: owner.email,
    name: owner.name,
    role: owner.role,
    regionCode: owner.regionCode,
  };
  const filters = scheduleFiltersSchema.parse(schedule.filters);
  const { reportTz } = await getSettings(db);
  const period = resolveSchedulePeriod(filters.period, run.dueAt, reportTz);
  // The export's own query schema, as for GET /api/v1/export.
  const query = kpiQuerySchema.safeParse({ ...period, region: filters.region ?? undefined, rep: filters.rep ?? undefined });
  if (!query.success) throw new PermanentRunFailure(`The schedule's filters are invalid: ${describeKpiQueryError(query.error)}`);
  const download = await startExport(db, ownerUser, { dataset: schedule.dataset, format: schedule.format, ...query.data });
  const file = await collect(download.stream, env.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  const rowCount = await countExportRows(db, download.plan);

  const chosen = await db
    .select({ userId: exportScheduleRecipients.userId })
    .from(exportScheduleRecipients)
    .where(eq(exportScheduleRecipients.scheduleId, schedule.id));
  const recipients = await recipientsInScope(
    db,
    ownerUser,
    chosen.map((r) => r.userId),
  );
  const linkExpiresAt = new Date(now.getTime() + env.linkDays * 86_400_000);
  await db.transaction(async (tx) => {
    await tx
      .update(exportRuns)
      .set({
        file,
        fileBytes: file.byteLength,
        fileName: download.plan.fileName,
        contentType: download.contentType,
        rowCount,
        periodFrom: period.from,
        periodTo: period.to,
        linkExpiresAt,
      })
      .where(eq(exportRuns.id, run.id));
    if (recipients.length > 0) {
      await tx
        .insert(exportRunRecipients)
        .values(recipients.map((userId) => ({ runId: run.id, userId })))
        .onConflictDoNothing();
    }
  });
}

/** One email per recipient not mailed yet, each with their own signed link; marks each as it goes. */
async function mail(env: RunEnvironment, { run, schedule, owner }: Loaded): Promise<number> {
  const { db } = env;
  const [stored] = await db
    .select({ linkExpiresAt: exportRuns.linkExpiresAt, rowCount: exportRuns.rowCount, periodFrom: exportRuns.periodFrom, periodTo: exportRuns.periodTo })
    .from(exportRuns)
    .where(eq(exportRuns.id, run.id));
  const pending = await db
    .select({ userId: exportRunRecipients.userId, email: users.email })
    .from(exportRunRecipients)
    .innerJoin(users, eq(users.id, exportRunRecipients.userId))
    .where(and(eq(exportRunRecipients.runId, run.id), isNull(exportRunRecipients.emailedAt)));
  if (pending.length === 0) return 0;
  if (!env.mailer) throw new PermanentRunFailure('Email is not set up (SMTP_URL is unset), so no download link was sent.');
  const expires = stored?.linkExpiresAt ?? new Date();
  const label = EXPORT_DATASET_INFO[schedule.dataset].label;
  for (const recipient of pending) {
    const path = signExportLink(env.secret, {
      runId: run.id,
      userId: recipient.userId,
      expires: Math.floor(expires.getTime() / 1000),
    });
    await env.mailer.send({
      to: recipient.email,
      subject: `[Holdfast] ${schedule.name}: ${label} ${stored?.periodFrom ?? ''} to ${stored?.periodTo ?? ''}`,
      text:
        `${owner.name} scheduled this export for you: ${label}, ${stored?.periodFrom ?? ''} to ${stored?.periodTo ?? ''}, ` +
        `${(stored?.rowCount ?? 0).toLocaleString('en')} rows, ${schedule.format.toUpperCase()}.\n\n` +
        `Download it (sign in to Holdfast first; the link is yours only and works until ${expires.toISOString().slice(0, 16).replace('T', ' ')} UTC):\n` +
        `${new URL(path, env.appUrl).toString()}\n`,
    });
    await db
      .update(exportRunRecipients)
      .set({ emailedAt: new Date() })
      .where(and(eq(exportRunRecipients.runId, run.id), eq(exportRunRecipients.userId, recipient.userId)));
  }
  return pending.length;
}

/**
 * Works one run: the file (unless an earlier attempt stored it), then the emails not sent yet.
 * The run shows `running` while it works, `succeeded` or `failed` with a message safe for the owner;
 * a failure is thrown on as a JobFailure with that message, so the job is retried and the
 * admin's jobs page shows the same words; a PermanentRunFailure when a retry cannot help.
 */
export async function executeRun(env: RunEnvironment, runId: number): Promise<void> {
  const { db } = env;
  const loaded = await loadRun(db, runId);
  // The schedule was deleted (its runs with it) or the run is done: nothing to do.
  if (!loaded || loaded.run.status === 'succeeded') return;
  await db
    .update(exportRuns)
    .set({ status: 'running', startedAt: new Date(), finishedAt: null, errorMessage: null, attempts: loaded.run.attempts + 1 })
    .where(eq(exportRuns.id, runId));
  try {
    if (loaded.run.fileBytes === null) await render(env, loaded);
    await mail(env, loaded);
    await db.update(exportRuns).set({ status: 'succeeded', finishedAt: new Date() }).where(eq(exportRuns.id, runId));
  } catch (error) {
    const message = safeMessage(error);
    await db
      .update(exportRuns)
      .set({ status: 'failed', finishedAt: new Date(), errorMessage: message })
      .where(eq(exportRuns.id, runId));
    const permanent = error instanceof PermanentRunFailure || error instanceof ApiError;
    throw permanent ? new PermanentRunFailure(message) : new JobFailure(message);
  }
}
