/** The words of scheduled exports, shared by the schema's check constraints and the zod schemas. */
export const EXPORT_CADENCES = ['daily', 'weekly', 'monthly'] as const;
export type ExportCadence = (typeof EXPORT_CADENCES)[number];

/**
 * The rows a scheduled export holds, relative to the day it runs (in the report time zone):
 * a schedule has no fixed dates, so its period is resolved at each run (period.ts).
 */
export const SCHEDULE_PERIODS = ['yesterday', 'last_7_days', 'last_30_days', 'month_to_date', 'last_month'] as const;
export type SchedulePeriod = (typeof SCHEDULE_PERIODS)[number];

export const EXPORT_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ExportRunStatus = (typeof EXPORT_RUN_STATUSES)[number];

/** The same lists as lib/schemas/exports.ts, without its URL parsers (drizzle-kit loads this file). */
export const SCHEDULE_DATASETS = ['customers', 'retention_cases', 'disputes', 'outages', 'compensations'] as const;
export const SCHEDULE_FORMATS = ['csv', 'xlsx'] as const;
