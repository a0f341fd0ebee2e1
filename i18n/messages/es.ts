import account from '@/messages/es/account.json';
import common from '@/messages/es/common.json';
import auth from '@/messages/es/auth.json';
import shell from '@/messages/es/shell.json';
import adminImports from '@/messages/es/adminImports.json';
import adminJobs from '@/messages/es/adminJobs.json';
import adminSettings from '@/messages/es/adminSettings.json';
import adminUsers from '@/messages/es/adminUsers.json';
import approvals from '@/messages/es/approvals.json';
import auditLog from '@/messages/es/auditLog.json';
import cases from '@/messages/es/cases.json';
import compensation from '@/messages/es/compensation.json';
import disputeAnalytics from '@/messages/es/disputeAnalytics.json';
import disputeCase from '@/messages/es/disputeCase.json';
import exportsArea from '@/messages/es/exports.json';
import importReasons from '@/messages/es/importReasons.json';
import outageAnalytics from '@/messages/es/outageAnalytics.json';
import outageResponse from '@/messages/es/outageResponse.json';
import outageComms from '@/messages/es/outageComms.json';
import queue from '@/messages/es/queue.json';
import serverErrors from '@/messages/es/serverErrors.json';
import ui from '@/messages/es/ui.json';
import vocab from '@/messages/es/vocab.json';
import dashboard from '@/messages/es/dashboard.json';
import notifications from '@/messages/es/notifications.json';
import churn from '@/messages/es/churn.json';
import retention from '@/messages/es/retention.json';
import customer360 from '@/messages/es/customer360.json';
import type { Messages } from './en';

/** The Spanish messages: typed as the English ones, so a namespace or key missing here fails tsc. */
export const es: Messages = {
  retention,
  churn,
  notifications,
  dashboard,
  shell,
  auth,
  account,
  common,
  adminImports,
  adminJobs,
  adminSettings,
  adminUsers,
  approvals,
  auditLog,
  cases,
  compensation,
  disputeAnalytics,
  disputeCase,
  exports: exportsArea,
  importReasons,
  outageAnalytics,
  outageResponse,
  outageComms,
  queue,
  serverErrors,
  ui,
  vocab,
  customer360,
};
