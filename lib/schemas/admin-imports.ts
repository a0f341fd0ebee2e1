import { z } from 'zod';
import type { ImportRunStatus } from '../vocabularies';
import { importEntitySchema, type ImportEntity, type ImportReport } from './import';
import { rowIdSchema } from './ids';

export type { ImportRunStatus };

export const importRunInput = z.object({ id: rowIdSchema });

/** `?entity=&skipInvalid=&fileName=` of POST /api/v1/admin/imports (the body is the CSV itself). */
export const adminImportQuerySchema = z.object({
  entity: importEntitySchema,
  skipInvalid: z
    .enum(['true', 'false', '1', '0'], { error: 'skipInvalid must be true or false.' })
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  // Only a label for the history: any folder part a browser sent is dropped.
  fileName: z
    .string()
    .max(255, { error: 'fileName must be at most 255 characters.' })
    .optional()
    .transform((v) => v?.split(/[\\/]/).pop()?.trim() || null),
});

/** The report as stored in import_runs.report: the API's report without the rejects CSV. */
export type StoredImportReport = Omit<ImportReport, 'rejectsCsv'>;

const importRowErrorSchema = z.object({
  line: z.number(),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
});

/** Reads a stored report back from jsonb, so a malformed one is noticed rather than rendered. */
export const storedImportReportSchema: z.ZodType<StoredImportReport> = z.object({
  entity: importEntitySchema,
  skipInvalid: z.boolean(),
  committed: z.boolean(),
  rowsRead: z.number(),
  rowsWritten: z.number(),
  rowsInserted: z.number(),
  rowsUpdated: z.number(),
  rowsRejected: z.number(),
  invalidRows: z.number(),
  errorCount: z.number(),
  errors: z.array(importRowErrorSchema),
  errorsTruncated: z.boolean(),
  headerError: z.string().nullable(),
  csvError: z.object({ line: z.number(), message: z.string() }).nullable(),
});

/**
 * One line of the NDJSON that POST /api/v1/admin/imports streams back: `started` once, `progress`
 * while rows are read, then `done` with the report or `error` when the import could not finish.
 */
export type ImportStreamEvent =
  | { type: 'started'; runId: number }
  | { type: 'progress'; runId: number; rowsRead: number }
  | { type: 'done'; runId: number; status: ImportRunStatus; report: StoredImportReport; hasRejects: boolean }
  | { type: 'error'; runId: number; error: { code: string; message: string } };

export const IMPORT_ENTITY_LABELS: Record<ImportEntity, string> = {
  regions: 'Regions',
  postcodes: 'Postcodes',
  users: 'Users',
  customers: 'Customers',
  customer_services: 'Customer services',
  bills: 'Bills',
  retention_cases: 'Retention cases',
  disputes: 'Billing disputes',
  outages: 'Outages',
  compensations: 'Compensations',
  service_orders: 'Service orders',
  engineer_appointments: 'Engineer appointments',
};
