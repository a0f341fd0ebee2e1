import 'server-only';
import type { Db } from '@/db/client';
import { exportUrl, XLSX_MAX_DATA_ROWS, type ExportCountInput } from '@/lib/schemas/exports';
import type { SessionUser } from '../auth/session-user';
import { planExport } from './plan';
import { countExportRows } from './query';

/** What the exports page shows before a download: the row count, the columns and the links. */
export async function describeExport(db: Db, user: SessionUser, input: ExportCountInput) {
  const plan = await planExport(db, user, { ...input, format: 'csv' });
  const count = await countExportRows(db, plan);
  return {
    dataset: plan.dataset,
    count,
    filters: plan.filters,
    columns: plan.columns.map((c) => c.name),
    omitted: plan.omitted,
    csvUrl: exportUrl(plan.dataset, 'csv', plan.filters),
    xlsxUrl: exportUrl(plan.dataset, 'xlsx', plan.filters),
    fileName: plan.fileName,
    xlsxAllowed: count <= XLSX_MAX_DATA_ROWS,
    xlsxMaxRows: XLSX_MAX_DATA_ROWS,
  };
}
