import 'server-only';
import type { Db } from '@/db/client';
import type { ImportEntity } from '@/lib/schemas/import';
import type { ReportBuilder } from './report-builder';
import { recordAudit } from '../services/audit';

/** One audit row for an import that wrote something, inside its transaction. */
export async function auditImport(
  tx: Db,
  entity: ImportEntity,
  options: { actorId?: number | null; source?: 'cli' | 'api' | 'fixture'; skipInvalid: boolean },
  builder: ReportBuilder,
): Promise<void> {
  const written = builder.rowsInserted + builder.rowsUpdated;
  if (written === 0) return;
  await recordAudit(tx, {
    actorId: options.actorId ?? null,
    action: 'import',
    entity,
    details: {
      source: options.source ?? 'cli',
      skipInvalid: options.skipInvalid,
      rowsRead: builder.rowsRead,
      rowsWritten: written,
      rowsInserted: builder.rowsInserted,
      rowsUpdated: builder.rowsUpdated,
      rowsRejected: builder.rowsRead - written,
    },
  });
}
