import { Readable } from 'node:stream';
import { expect } from 'vitest';
import type { Db } from '@/db/client';
import type { ImportEntity, ImportReport } from '@/lib/schemas/import';
import { importCsv, type ImportOptions } from '@/server/import/import-csv';

/** Helpers for the importer's tests: CSV from lines, and a small committed base dataset. */
export const TZ = 'Europe/Madrid';

export function csv(...lines: string[]): Readable {
  return Readable.from([`${lines.join('\n')}\n`]);
}

export function importLines(
  db: Db,
  entity: ImportEntity,
  lines: string[],
  options: Partial<ImportOptions> = {},
): Promise<ImportReport> {
  return importCsv(db, entity, csv(...lines), { skipInvalid: false, reportTz: TZ, ...options });
}

export const CUSTOMER_HEADER =
  'account_number,region_code,activated_at,monthly_fee,churned_at,churn_category,sold_by,postcode';

/** Regions MAD and CAT, two postcodes, three users, customers ACC-1 and ACC-2. */
export async function seedBase(db: Db): Promise<void> {
  const steps: Array<[ImportEntity, string[]]> = [
    ['regions', ['code,name', 'MAD,Madrid', 'CAT,Cataluña']],
    ['postcodes', ['postcode,region_code', '28001,MAD', '08001,CAT']],
    [
      'users',
      [
        'email,name,role,region_code,team',
        'admin@holdfast.test,Ada,admin,,',
        'rep.mad@holdfast.test,Rita,rep,MAD,retention',
        'rep.cat@holdfast.test,Carles,rep,CAT,billing',
      ],
    ],
    [
      'customers',
      [
        CUSTOMER_HEADER,
        'ACC-1,MAD,2023-01-10,49.90,,,rep.mad@holdfast.test,28001',
        'ACC-2,CAT,2023-02-10,29.90,,,,08001',
      ],
    ],
  ];
  for (const [entity, lines] of steps) {
    const report = await importLines(db, entity, lines);
    expect(report.committed, JSON.stringify(report.errors)).toBe(true);
  }
}

/** The errors of a report as `line column value: reason` strings, for compact assertions. */
export function errorLines(report: ImportReport): string[] {
  return report.errors.map((e) => `${e.line} ${e.column} ${e.value}: ${e.reason}`);
}
