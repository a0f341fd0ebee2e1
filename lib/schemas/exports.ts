import { parseAsStringLiteral } from 'nuqs/server';
import { z } from 'zod';
import { isCalendarDate } from '../periods';
import { rowIdSchema } from './ids';

/** The datasets of `/exports` and `GET /api/v1/export/<dataset>.<format>`; each is an importable entity. */
export const EXPORT_DATASETS = ['customers', 'retention_cases', 'disputes', 'outages', 'compensations'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One XLSX sheet holds 1,048,576 rows, one of which is the header. */
export const XLSX_MAX_DATA_ROWS = 1_048_575;

export interface ExportDatasetInfo {
  label: string;
  /** Which rows a period selects, in words for the page. */
  period: string;
  /** Whose rows the rep filter keeps; null when it does not apply (docs/metrics.md: churn and outages ignore it). */
  rep: string | null;
  /** What the region filter matches. */
  region: string;
}

export const EXPORT_DATASET_INFO: Record<ExportDataset, ExportDatasetInfo> = {
  customers: {
    label: 'Customers',
    period: 'customers active at any time in the period: activated before its end and not churned before its start',
    rep: null,
    region: "the customer's region",
  },
  retention_cases: {
    label: 'Retention cases',
    period: 'retention cases opened in the period',
    rep: "the case's rep",
    region: "the customer's region",
  },
  disputes: {
    label: 'Billing disputes',
    period: 'disputes opened in the period',
    rep: 'the assigned rep',
    region: "the customer's region",
  },
  outages: {
    label: 'Outages',
    period: 'outages that started in the period',
    rep: null,
    region: 'outages affecting the region',
  },
  compensations: {
    label: 'Compensations',
    period: 'compensations issued in the period',
    rep: 'the issuing rep',
    region: "the customer's region",
  },
};

/** `?dataset=` of the exports page. */
export const exportDatasetParser = parseAsStringLiteral(EXPORT_DATASETS).withDefault('customers');

/** `<dataset>.<format>`, the last path segment of the export route. */
export const exportFileSchema = z
  .string()
  .regex(/^[a-z_]+\.[a-z]+$/, { error: 'Use /api/v1/export/<dataset>.<csv|xlsx>.' })
  .transform((file) => {
    const dot = file.lastIndexOf('.');
    return { dataset: file.slice(0, dot), format: file.slice(dot + 1) };
  })
  .pipe(
    z.object({
      dataset: z.enum(EXPORT_DATASETS, {
        error: (issue) => `Unknown dataset "${String(issue.input)}": use one of ${EXPORT_DATASETS.join(', ')}.`,
      }),
      format: z.enum(EXPORT_FORMATS, {
        error: (issue) => `Unknown format "${String(issue.input)}": use csv or xlsx.`,
      }),
    }),
  );

const calendarDate = z.string().refine(isCalendarDate, { error: 'expected a calendar date YYYY-MM-DD' });

/** Input of `exports.count`: the dataset and the dashboard's resolved filters. */
export const exportCountSchema = z
  .object({
    dataset: z.enum(EXPORT_DATASETS),
    from: calendarDate,
    to: calendarDate,
    region: z.string().max(32).nullable(),
    rep: z.email().nullable(),
  })
  .refine((q) => q.from <= q.to, { error: 'from must be on or before to', path: ['to'] });

export type ExportCountInput = z.infer<typeof exportCountSchema>;

/** The filters an export was made with, after role scoping; region/rep null when not applied. */
export interface ExportFilters {
  from: string;
  to: string;
  region: string | null;
  rep: string | null;
}

const fileNamePart = (value: string) => value.replace(/[^A-Za-z0-9@._-]+/g, '-');

/** E.g. `disputes_2024-01-01_2024-03-31_region-MAD.csv`: the dataset and the filters it was made with. */
export function exportFileName(dataset: ExportDataset, format: ExportFormat, filters: ExportFilters): string {
  const parts: string[] = [dataset, filters.from, filters.to];
  if (filters.region !== null) parts.push(`region-${fileNamePart(filters.region)}`);
  if (filters.rep !== null) parts.push(`rep-${fileNamePart(filters.rep)}`);
  return `${parts.join('_')}.${format}`;
}

/** The API route's path and query for a download link. */
export function exportUrl(dataset: ExportDataset, format: ExportFormat, filters: ExportFilters): string {
  const query = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.region !== null) query.set('region', filters.region);
  if (filters.rep !== null) query.set('rep', filters.rep);
  return `/api/v1/export/${dataset}.${format}?${query.toString()}`;
}

export const apiTokenCreateSchema = z.object({
  name: z.string().trim().min(1, { error: 'Give the token a name, e.g. "Power BI refresh".' }).max(80),
});

export const apiTokenRevokeSchema = z.object({ id: rowIdSchema });
