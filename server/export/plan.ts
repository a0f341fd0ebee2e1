import 'server-only';
import type { Db } from '@/db/client';
import {
  EXPORT_DATASET_INFO,
  exportFileName,
  type ExportDataset,
  type ExportFilters,
  type ExportFormat,
} from '@/lib/schemas/exports';
import type { Role } from '@/lib/vocabularies';
import type { SessionUser } from '../auth/session-user';
import { ApiError } from '../http/api-error';
import { FIGURE_READERS, resolveKpiScope } from '../metrics/scope';
import { getSettings } from '../services/settings';
import { DATASETS, type ExportColumn } from './datasets';

/** Exports are the figures' rows: the same readers as the dashboard (reps work cases one by one). */
export const EXPORT_ROLES: readonly Role[] = FIGURE_READERS;

export interface ExportRequest {
  dataset: ExportDataset;
  format: ExportFormat;
  from: string;
  to: string;
  region?: string | null | undefined;
  rep?: string | null | undefined;
}

/** An export the caller may make: the filters after role scoping and the columns they may see. */
export interface ExportPlan {
  dataset: ExportDataset;
  format: ExportFormat;
  /** The filters applied: the rep is null for datasets it does not apply to. */
  filters: ExportFilters;
  columns: readonly ExportColumn[];
  /** Columns left out for privacy (an analyst's customers export has no names). */
  omitted: readonly string[];
  fileName: string;
  timezone: string;
  actorId: number;
}

export function assertMayExport(user: SessionUser): void {
  if (!EXPORT_ROLES.includes(user.role)) {
    throw new ApiError('forbidden', `Only ${EXPORT_ROLES.join(', ')} users may export data.`);
  }
}

/** Customer names and other personal fields stay out of analysts' exports. */
function visibleColumns(user: SessionUser, columns: readonly ExportColumn[]) {
  const hidden = user.role === 'analyst' ? columns.filter((c) => c.personal) : [];
  return { columns: columns.filter((c) => !hidden.includes(c)), omitted: hidden.map((c) => c.name) };
}

/**
 * Checks who may export what: reps are refused, a regional manager asking for another region is
 * forbidden and a national one may pick any (resolveKpiScope), unknown regions and reps are a bad request.
 */
export async function planExport(db: Db, user: SessionUser, request: ExportRequest): Promise<ExportPlan> {
  assertMayExport(user);
  const scope = await resolveKpiScope(db, user, { region: request.region, rep: request.rep });
  const { reportTz } = await getSettings(db);
  const filters: ExportFilters = {
    from: request.from,
    to: request.to,
    region: scope.region,
    rep: EXPORT_DATASET_INFO[request.dataset].rep === null ? null : scope.rep,
  };
  return {
    dataset: request.dataset,
    format: request.format,
    filters,
    ...visibleColumns(user, DATASETS[request.dataset].columns),
    fileName: exportFileName(request.dataset, request.format, filters),
    timezone: reportTz,
    actorId: user.id,
  };
}
