import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '@/db/client';
import { IMPORT_ENTITIES, type ImportEntity, type ImportReport } from '@/lib/schemas/import';
import { importCsv } from './import-csv';

/** Entities a dataset may leave out: they came after the first data contract. */
const OPTIONAL_ENTITIES: ReadonlySet<ImportEntity> = new Set([
  'customer_services',
  'bills',
  'service_orders',
  'engineer_appointments',
]);

/**
 * Imports `<dir>/<entity>.csv` for every entity, in contract order (all files must exist, except
 * the optional ones). Throws if any file is refused or has an invalid row, so a test never runs on
 * half a dataset.
 */
export async function importFixtureDirectory(db: Db, dir: string, reportTz: string): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  for (const entity of IMPORT_ENTITIES) {
    const file = path.join(dir, `${entity}.csv`);
    if (OPTIONAL_ENTITIES.has(entity) && !fs.existsSync(file)) continue;
    const report = await importCsv(db, entity, fs.createReadStream(file), {
      skipInvalid: false,
      reportTz,
      source: 'fixture',
    });
    if (!report.committed) {
      const first = report.errors[0];
      const why =
        report.headerError ??
        report.csvError?.message ??
        (first ? `line ${first.line}, ${first.column}: ${first.reason}` : 'unknown');
      throw new Error(`Importing ${file} failed (${report.invalidRows} invalid rows): ${why}`);
    }
    reports.push(report);
  }
  return reports;
}
