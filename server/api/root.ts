import 'server-only';
import { accountRouter } from './routers/account';
import { adminRouter } from './routers/admin';
import { casesRouter } from './routers/cases';
import { churnRouter } from './routers/churn';
import { compensationRouter } from './routers/compensation';
import { disputesRouter } from './routers/disputes';
import { importsRouter } from './routers/imports';
import { outagesRouter } from './routers/outages';
import { outageResponseRouter } from './routers/outage-response';
import { outageCommsRouter } from './routers/outage-comms';
import { retentionRouter } from './routers/retention';
import { dashboardRouter } from './routers/dashboard';
import { meRouter } from './routers/me';
import { overviewRouter } from './routers/overview';
import { queueRouter } from './routers/queue';
import { disputeCaseRouter } from './routers/dispute-case';
import { approvalsRouter } from './routers/approvals';
import { retentionCallsRouter } from './routers/retention-calls';
import { savedViewsRouter } from './routers/saved-views';
import { exportsRouter } from './routers/exports';
import { exportSchedulesRouter } from './routers/export-schedules';
import { apiTokensRouter } from './routers/api-tokens';
import { adminSettingsRouter } from './routers/admin-settings';
import { auditLogRouter } from './routers/audit-log';
import { customersRouter } from './routers/customers';
import { notificationsRouter } from './routers/notifications';
import { adminJobsRouter } from './routers/admin-jobs';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  me: meRouter,
  overview: overviewRouter,
  dashboard: dashboardRouter,
  cases: casesRouter,
  churn: churnRouter,
  compensation: compensationRouter,
  disputes: disputesRouter,
  outages: outagesRouter,
  outageResponse: outageResponseRouter,
  outageComms: outageCommsRouter,
  retention: retentionRouter,
  queue: queueRouter,
  savedViews: savedViewsRouter,
  retentionCalls: retentionCallsRouter,
  approvals: approvalsRouter,
  disputeCase: disputeCaseRouter,
  admin: adminRouter,
  account: accountRouter,
  exports: exportsRouter,
  exportSchedules: exportSchedulesRouter,
  apiTokens: apiTokensRouter,
  imports: importsRouter,
  adminSettings: adminSettingsRouter,
  auditLog: auditLogRouter,
  customers: customersRouter,
  notifications: notificationsRouter,
  adminJobs: adminJobsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
