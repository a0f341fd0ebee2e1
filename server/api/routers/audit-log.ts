import 'server-only';
import { auditListInput } from '@/lib/schemas/audit-log';
import { auditFacets } from '../../services/audit-log/facets';
import { listAuditLog } from '../../services/audit-log/list';
import { getSettings } from '../../services/settings';
import { createTRPCRouter, roleProcedure } from '../trpc';

/** /admin/audit: the audit log, filtered and paged on the server, newest first. Admins only. */
export const auditLogRouter = createTRPCRouter({
  list: roleProcedure('admin')
    .input(auditListInput)
    .query(async ({ ctx, input }) => listAuditLog(ctx.db, input, (await getSettings(ctx.db)).reportTz)),
  facets: roleProcedure('admin').query(({ ctx }) => auditFacets(ctx.db)),
});
