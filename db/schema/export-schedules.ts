import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  EXPORT_CADENCES,
  EXPORT_RUN_STATUSES,
  SCHEDULE_DATASETS as EXPORT_DATASETS,
  SCHEDULE_FORMATS as EXPORT_FORMATS,
  type SchedulePeriod,
} from '../../lib/export-schedules/vocabulary';
import { instant } from './columns';
import { users } from './users';
import { inVocabulary } from './vocabularies-sql';

/** A file's bytes; PGlite answers a Uint8Array, postgres.js a Buffer (also a Uint8Array). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** A user's recurring export: a dataset with its filters, format and cadence, mailed to recipients. */
export const exportSchedules = pgTable(
  'export_schedules',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    dataset: text('dataset', { enum: EXPORT_DATASETS }).notNull(),
    format: text('format', { enum: EXPORT_FORMATS }).notNull(),
    /** lib/schemas/export-schedules.ts `scheduleFiltersSchema`: the period preset, region and rep. */
    filters: jsonb('filters').$type<{ period: SchedulePeriod; region: string | null; rep: string | null }>().notNull(),
    cadence: text('cadence', { enum: EXPORT_CADENCES }).notNull(),
    /** The hour of the report time zone (REPORT_TZ) it runs at. */
    hour: integer('hour').notNull(),
    /** ISO weekday (1 Monday … 7 Sunday) of a weekly schedule. */
    weekday: integer('weekday'),
    /** Day of the month (1–28) of a monthly schedule. */
    dayOfMonth: integer('day_of_month'),
    enabled: boolean('enabled').notNull().default(true),
    /** The next due instant; the sweep runs schedules whose time has come and moves it on. */
    nextRunAt: instant('next_run_at').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('export_schedules_dataset_check', inVocabulary(t.dataset, EXPORT_DATASETS)),
    check('export_schedules_format_check', inVocabulary(t.format, EXPORT_FORMATS)),
    check('export_schedules_cadence_check', inVocabulary(t.cadence, EXPORT_CADENCES)),
    check('export_schedules_hour_check', sql`${t.hour} between 0 and 23`),
    check(
      'export_schedules_weekday_check',
      sql`(${t.cadence} = 'weekly') = (${t.weekday} is not null) and (${t.weekday} is null or ${t.weekday} between 1 and 7)`,
    ),
    check(
      'export_schedules_day_check',
      sql`(${t.cadence} = 'monthly') = (${t.dayOfMonth} is not null) and (${t.dayOfMonth} is null or ${t.dayOfMonth} between 1 and 28)`,
    ),
    index('export_schedules_due_idx').on(t.nextRunAt).where(sql`${t.enabled}`),
    index('export_schedules_owner_idx').on(t.ownerId),
  ],
);

export const exportScheduleRecipients = pgTable(
  'export_schedule_recipients',
  {
    scheduleId: integer('schedule_id')
      .notNull()
      .references(() => exportSchedules.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.scheduleId, t.userId] })],
);

/** One due time of a schedule: at most one run per schedule and due instant, whatever restarts. */
export const exportRuns = pgTable(
  'export_runs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    scheduleId: integer('schedule_id')
      .notNull()
      .references(() => exportSchedules.id, { onDelete: 'cascade' }),
    dueAt: instant('due_at').notNull(),
    status: text('status', { enum: EXPORT_RUN_STATUSES }).notNull().default('queued'),
    /** The period the run exported, resolved from the schedule's preset on the due day. */
    periodFrom: text('period_from'),
    periodTo: text('period_to'),
    rowCount: integer('row_count'),
    fileName: text('file_name'),
    contentType: text('content_type'),
    /** Kept in the database (docs/operations.md#scheduled-exports says why) until the link expires. */
    file: bytea('file'),
    fileBytes: integer('file_bytes'),
    /** Safe to show the owner: never SQL, hosts or stack traces (server/jobs/job-failure.ts). */
    errorMessage: text('error_message'),
    attempts: integer('attempts').notNull().default(0),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
    linkExpiresAt: instant('link_expires_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('export_runs_status_check', inVocabulary(t.status, EXPORT_RUN_STATUSES)),
    uniqueIndex('export_runs_due_idx').on(t.scheduleId, t.dueAt),
    index('export_runs_expiry_idx').on(t.linkExpiresAt).where(sql`${t.file} is not null`),
  ],
);

/** Who a run was sent to (the schedule's recipients when it ran) and whether their email went. */
export const exportRunRecipients = pgTable(
  'export_run_recipients',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => exportRuns.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    emailedAt: instant('emailed_at'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.userId] })],
);
