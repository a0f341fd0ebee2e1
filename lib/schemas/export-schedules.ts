import { z } from 'zod';
import {
  EXPORT_CADENCES,
  SCHEDULE_PERIODS,
  type SCHEDULE_DATASETS,
  type SCHEDULE_FORMATS,
  type SchedulePeriod,
} from '../export-schedules/vocabulary';
import { EXPORT_DATASETS, EXPORT_FORMATS } from './exports';
import { rowIdSchema } from './ids';

export { EXPORT_CADENCES, EXPORT_RUN_STATUSES, SCHEDULE_PERIODS } from '../export-schedules/vocabulary';
export type { ExportCadence, ExportRunStatus, SchedulePeriod } from '../export-schedules/vocabulary';

export const SCHEDULE_PERIOD_LABELS: Record<SchedulePeriod, string> = {
  yesterday: 'Yesterday',
  last_7_days: 'The 7 days before the run',
  last_30_days: 'The 30 days before the run',
  month_to_date: 'This month up to the run',
  last_month: 'Last calendar month',
};

/** ISO weekdays, Monday 1 … Sunday 7. */
export const WEEKDAY_LABELS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/**
 * The filters stored with a schedule: the period preset and the dashboard's region and rep filters,
 * checked again by the export's own scope rules (server/export/plan.ts) at every run.
 */
export const scheduleFiltersSchema = z
  .object({
    period: z.enum(SCHEDULE_PERIODS, { error: `period must be one of ${SCHEDULE_PERIODS.join(', ')}` }),
    region: z.string().trim().max(32, 'region must be a region code').nullable(),
    rep: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: 'rep must be an email address' }))
      .nullable(),
  })
  .strict();
export type ScheduleFilters = z.infer<typeof scheduleFiltersSchema>;

/**
 * When a schedule runs: every day, on one weekday or on one day of the month (1–28, so every month
 * has it), at a whole hour of the report time zone.
 */
export const scheduleTimingSchema = z
  .object({
    cadence: z.enum(EXPORT_CADENCES, { error: 'cadence must be daily, weekly or monthly' }),
    hour: z.number({ error: 'hour must be a number' }).int().min(0, 'hour must be 0–23').max(23, 'hour must be 0–23'),
    weekday: z.number().int().min(1, 'weekday must be 1 (Monday) to 7 (Sunday)').max(7, 'weekday must be 1 (Monday) to 7 (Sunday)').nullable(),
    dayOfMonth: z.number().int().min(1, 'day of month must be 1–28').max(28, 'day of month must be 1–28').nullable(),
  })
  .superRefine((t, ctx) => {
    if (t.cadence === 'weekly' && t.weekday === null) {
      ctx.addIssue({ code: 'custom', path: ['weekday'], message: 'a weekly schedule needs a weekday' });
    }
    if (t.cadence === 'monthly' && t.dayOfMonth === null) {
      ctx.addIssue({ code: 'custom', path: ['dayOfMonth'], message: 'a monthly schedule needs a day of the month' });
    }
  });
export type ScheduleTiming = z.infer<typeof scheduleTimingSchema>;

const scheduleFields = {
  name: z.string().trim().min(1, 'Give the schedule a name, e.g. "Weekly disputes for finance".').max(80),
  dataset: z.enum(EXPORT_DATASETS, { error: `dataset must be one of ${EXPORT_DATASETS.join(', ')}` }),
  format: z.enum(EXPORT_FORMATS, { error: 'format must be csv or xlsx' }),
  filters: scheduleFiltersSchema,
  timing: scheduleTimingSchema,
  recipientIds: z
    .array(rowIdSchema)
    .min(1, 'Choose at least one recipient.')
    .max(50, 'At most 50 recipients.')
    .refine((ids) => new Set(ids).size === ids.length, 'A recipient is listed twice.'),
};

export const exportScheduleCreateSchema = z.object(scheduleFields);
export type ExportScheduleCreateInput = z.infer<typeof exportScheduleCreateSchema>;

export const exportScheduleUpdateSchema = z.object({ id: rowIdSchema, ...scheduleFields });
export type ExportScheduleUpdateInput = z.infer<typeof exportScheduleUpdateSchema>;

export const exportScheduleIdSchema = z.object({ id: rowIdSchema });

export const exportScheduleEnableSchema = z.object({ id: rowIdSchema, enabled: z.boolean() });

export const exportScheduleRunsSchema = z.object({ id: rowIdSchema });

// The schema's copy of the dataset and format lists is the export's.
const _datasetsMatch: (typeof EXPORT_DATASETS)[number] extends (typeof SCHEDULE_DATASETS)[number]
  ? (typeof SCHEDULE_DATASETS)[number] extends (typeof EXPORT_DATASETS)[number]
    ? true
    : never
  : never = true;
const _formatsMatch: (typeof EXPORT_FORMATS)[number] extends (typeof SCHEDULE_FORMATS)[number]
  ? (typeof SCHEDULE_FORMATS)[number] extends (typeof EXPORT_FORMATS)[number]
    ? true
    : never
  : never = true;
void _datasetsMatch;
void _formatsMatch;
