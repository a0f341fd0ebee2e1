import { z } from 'zod';

/** The importable entities, in the order docs/data-contract.md requires (each names only earlier ones). */
export const IMPORT_ENTITIES = [
  'regions',
  'postcodes',
  'users',
  'customers',
  'customer_services',
  'bills',
  'retention_cases',
  'disputes',
  'outages',
  'compensations',
  'service_orders',
  'engineer_appointments',
] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export const importEntitySchema = z.enum(IMPORT_ENTITIES, {
  error: (issue) => `Unknown entity "${String(issue.input)}": use one of ${IMPORT_ENTITIES.join(', ')}.`,
});

/** `?skipInvalid=true` of POST /api/v1/import/<entity>. */
export const importQuerySchema = z.object({
  skipInvalid: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

/** One problem with one cell; `line` is the physical CSV line (the header is line 1). */
export interface ImportRowError {
  line: number;
  /** Empty when the problem concerns the whole row (e.g. a wrong number of fields). */
  column: string;
  value: string;
  reason: string;
}

export interface ImportReport {
  entity: ImportEntity;
  skipInvalid: boolean;
  /** True when the rows counted in `rowsWritten` are in the database. */
  committed: boolean;
  /** Data rows read (the header and empty lines are not rows). */
  rowsRead: number;
  /** Inserted plus updated; always `rowsRead - rowsRejected`. */
  rowsWritten: number;
  rowsInserted: number;
  rowsUpdated: number;
  /** Rows not written: the invalid ones, or every row when an all-or-nothing import failed. */
  rowsRejected: number;
  /** Rows with at least one error. */
  invalidRows: number;
  /** All errors found; `errors` lists only the first `MAX_LISTED_ERRORS` of them. */
  errorCount: number;
  errors: ImportRowError[];
  errorsTruncated: boolean;
  /** The header was refused (unknown, missing or repeated columns); no row was read. */
  headerError: string | null;
  /** The file is not valid CSV (e.g. an unclosed quote); nothing was written. */
  csvError: { line: number; message: string } | null;
  /** With skipInvalid: the invalid rows, original columns plus `reason`. */
  rejectsCsv?: string;
}

export const MAX_LISTED_ERRORS = 1000;
