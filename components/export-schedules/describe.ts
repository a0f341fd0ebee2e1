import { EXPORT_DATASET_INFO } from '@/lib/schemas/exports';
import { SCHEDULE_PERIOD_LABELS, WEEKDAY_LABELS, type ScheduleTiming } from '@/lib/schemas/export-schedules';
import type { RouterOutputs } from '@/lib/trpc/types';

export type ScheduleRow = RouterOutputs['exportSchedules']['list'][number];
export type RunRow = RouterOutputs['exportSchedules']['runs'][number];

const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** "Every Monday at 07:00", in the report time zone. */
export function describeTiming(timing: ScheduleTiming): string {
  switch (timing.cadence) {
    case 'daily':
      return `Every day at ${hh(timing.hour)}`;
    case 'weekly':
      return `Every ${WEEKDAY_LABELS[(timing.weekday ?? 1) - 1] ?? 'week'} at ${hh(timing.hour)}`;
    case 'monthly':
      return `Monthly on day ${timing.dayOfMonth ?? 1} at ${hh(timing.hour)}`;
  }
}

/** "Billing disputes, last calendar month, region MAD, CSV". */
export function describeExport(row: Pick<ScheduleRow, 'dataset' | 'format' | 'filters'>): string {
  const parts = [EXPORT_DATASET_INFO[row.dataset].label, SCHEDULE_PERIOD_LABELS[row.filters.period].toLowerCase()];
  parts.push(row.filters.region ? `region ${row.filters.region}` : 'all regions');
  if (row.filters.rep) parts.push(`rep ${row.filters.rep}`);
  parts.push(row.format.toUpperCase());
  return parts.join(', ');
}

export const RUN_STATUS_LABELS: Record<RunRow['status'], string> = {
  queued: 'Waiting',
  running: 'Running',
  succeeded: 'Sent',
  failed: 'Failed',
};
