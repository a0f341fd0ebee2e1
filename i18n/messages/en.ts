import account from '@/messages/en/account.json';
import common from '@/messages/en/common.json';
import auth from '@/messages/en/auth.json';
import shell from '@/messages/en/shell.json';
import adminImports from '@/messages/en/adminImports.json';
import adminJobs from '@/messages/en/adminJobs.json';
import adminSettings from '@/messages/en/adminSettings.json';
import adminUsers from '@/messages/en/adminUsers.json';
import approvals from '@/messages/en/approvals.json';
import auditLog from '@/messages/en/auditLog.json';
import cases from '@/messages/en/cases.json';
import compensation from '@/messages/en/compensation.json';
import disputeAnalytics from '@/messages/en/disputeAnalytics.json';
import disputeCase from '@/messages/en/disputeCase.json';
import exportsArea from '@/messages/en/exports.json';
import importReasons from '@/messages/en/importReasons.json';
import outageAnalytics from '@/messages/en/outageAnalytics.json';
import outageResponse from '@/messages/en/outageResponse.json';
import outageComms from '@/messages/en/outageComms.json';
import queue from '@/messages/en/queue.json';
import serverErrors from '@/messages/en/serverErrors.json';
import ui from '@/messages/en/ui.json';
import vocab from '@/messages/en/vocab.json';
import dashboard from '@/messages/en/dashboard.json';
import notifications from '@/messages/en/notifications.json';
import churn from '@/messages/en/churn.json';
import retention from '@/messages/en/retention.json';
import customer360 from '@/messages/en/customer360.json';

/** The English messages, one namespace per area (messages/en/<area>.json); their shape is every language's type. */
export const en = {
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

export type Messages = typeof en;
