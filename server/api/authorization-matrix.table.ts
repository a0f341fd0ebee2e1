import { authSecret } from '@/server/auth/secret';
import type { SessionUser } from '@/server/auth/session-user';
import { signExportLink } from '@/server/services/export-schedules/links';
import { OBJECT_KINDS, regionOf, type AuthorizationWorld, type ObjectKind } from '@/test/authorization-world';

/**
 * THE authorization matrix: every tRPC procedure and every route handler, with what each caller
 * gets. One row per procedure or `METHOD /path`; the expectation is one word per caller, in the order
 *
 *     anonymous  admin  national-manager  regional-manager(MAD)  rep(MAD)  analyst
 *
 * each `ok` (the call succeeds: a mutation runs against rows built so that it can), `400` (the call
 * passes authorization and fails validation: only where the row says why), `401`, `403` or `404`.
 * Where an object is involved, a word may be `a/b/c`, one outcome per object kind of the row
 * (`kinds`, default own/sameRegion/otherRegion; see test/authorization-world.ts): out of scope is
 * 404 for objects (nobody learns that they exist) and 403 for a region asked for by filter.
 * Adding a procedure or route is adding one line here.
 */
export type Expectation = string;

type Build<T> = (w: AuthorizationWorld, caller: SessionUser | null, kind: ObjectKind) => T | Promise<T>;

export interface ProcedureRow {
  expect: Expectation;
  kinds?: readonly ObjectKind[];
  input?: Build<unknown>;
}

export interface RouteCall {
  /** Path and query, e.g. `/api/v1/kpis?from=…`. */
  url: string;
  params?: Record<string, string>;
  init?: RequestInit;
}

export interface RouteRow {
  expect: Expectation;
  kinds?: readonly ObjectKind[];
  /** `token` (default): a personal API token as Bearer; `session`: the browser session. */
  auth?: 'token' | 'session';
  call: Build<RouteCall>;
}

/** Region filters of dashboard reads: the caller's region, then another. */
const REGIONS: readonly ObjectKind[] = ['sameRegion', 'otherRegion'];
const PERIOD = { from: '2024-01-01', to: '2024-12-31' };

/** A dashboard read filtered to the kind's region. */
const figures = (expect: Expectation, extra: Record<string, unknown> = {}): ProcedureRow => ({
  expect,
  kinds: REGIONS,
  input: (_w, _caller, kind) => ({ ...PERIOD, region: regionOf(kind), rep: null, ...extra }),
});
const plain = (expect: Expectation, input?: Build<unknown>): ProcedureRow => ({ expect, input });
const onObject = (
  expect: Expectation,
  input: Build<unknown>,
  kinds: readonly ObjectKind[] = OBJECT_KINDS,
): ProcedureRow => ({ expect, input, kinds });

const FIGURES = '401 ok ok ok/403 403 ok';
const dispute = async (w: AuthorizationWorld, kind: ObjectKind) => {
  const { ref, version } = await w.dispute(kind);
  return { ref, version };
};
/** The rep a manager or admin names for a call with a customer of the kind's region; a rep names none. */
const repFor = (w: AuthorizationWorld, caller: SessionUser | null, kind: ObjectKind) =>
  caller?.role === 'rep' ? null : kind === 'otherRegion' ? w.others.repCat.id : w.others.repMad.id;

/** A daily export schedule's fields; the recipient is the caller. */
const SCHEDULE = {
  name: 'Daily disputes',
  dataset: 'disputes',
  format: 'csv',
  filters: { period: 'yesterday', region: null, rep: null },
  timing: { cadence: 'daily', hour: 6, weekday: null, dayOfMonth: null },
};
/** Those who may export schedule; each only their own (reps may not export). */
const SCHEDULE_OWNER = '401 ok/404/404 ok/404/404 ok/404/404 403 ok/404/404';

export const PROCEDURES: Record<string, ProcedureRow> = {
  'me.get': plain('401 ok ok ok ok ok'),
  'overview.snapshot': plain('401 ok ok ok 403 ok'),
  'dashboard.filterOptions': plain('401 ok ok ok 403 ok'),
  'dashboard.kpis': figures(FIGURES),
  'dashboard.movers': figures(FIGURES),
  'dashboard.series': figures(FIGURES),
  'cases.disputes': figures(FIGURES),
  'cases.retentionCases': figures(FIGURES),
  'cases.churnedCustomers': figures(FIGURES),
  'cases.compensations': figures(FIGURES),
  'churn.figures': figures(FIGURES),
  'churn.monthlyByRegion': figures(FIGURES),
  'churn.cohorts': figures(FIGURES),
  'churn.promoCliff': figures(FIGURES),
  'compensation.summary': figures(FIGURES),
  'compensation.kindMonthly': figures(FIGURES),
  'compensation.creditOutliers': figures(FIGURES),
  'disputes.summary': figures(FIGURES),
  'disputes.causeMonthly': figures(FIGURES),
  'disputes.backlogAgeing': figures(FIGURES),
  'disputes.byRep': figures(FIGURES),
  'disputes.firstBillBySeller': figures(FIGURES),
  'outages.summary': figures(FIGURES),
  'outages.list': figures(FIGURES),
  'retention.breakdowns': figures(FIGURES),
  'retention.verifiedSaves': figures(FIGURES),
  'retention.byRepRegion': figures(FIGURES),
  'exports.count': figures(FIGURES, { dataset: 'disputes' }),

  'outageResponse.targets': plain('401 ok ok ok 403 ok'),
  'outageResponse.formOptions': plain('401 ok ok ok 403 403'),
  'outageResponse.effect': figures(FIGURES),
  'outageResponse.get': onObject('401 ok ok ok/404 403 ok', async (w, _c, k) => ({ ref: await w.outage(k) }), REGIONS),
  'outageResponse.compensation': onObject(
    '401 ok ok ok/404 403 ok',
    async (w, _c, k) => ({ ref: await w.outage(k) }),
    REGIONS,
  ),
  'outageResponse.customerCompensation': onObject(
    '401 ok ok ok/404 403 ok',
    async (w, _c, k) => ({ ref: await w.outage(k), account: await w.customerAccount(regionOf(k)) }),
    REGIONS,
  ),
  // Declaring an outage names regions, not an existing object: another region is refused outright.
  'outageResponse.create': onObject(
    '401 ok ok ok/403 403 403',
    (_w, _c, k) => ({ title: 'Fibre cut', severity: 'minor', regions: [regionOf(k)] }),
    REGIONS,
  ),
  'outageResponse.recordMilestone': onObject(
    '401 ok ok ok/404 403 403',
    async (w, _c, k) => ({ ref: await w.outage(k), step: 'detect' }),
    REGIONS,
  ),
  'outageResponse.compensateAll': onObject(
    '401 ok ok ok/404 403 403',
    async (w, _c, k) => ({ ref: await w.outage(k) }),
    REGIONS,
  ),

  // Reps read an outage's texts (the agent script) for outages of their region.
  'outageComms.texts': onObject('401 ok ok ok/404 ok/404 ok', async (w, _c, k) => ({ ref: await w.outage(k) }), REGIONS),
  'outageComms.activeScripts': plain('401 ok ok ok ok ok'),
  'outageComms.dispatchTotals': onObject(
    '401 ok ok ok/404 403 ok',
    async (w, _c, k) => ({ ref: await w.outage(k) }),
    REGIONS,
  ),
  'outageComms.saveText': onObject(
    '401 ok ok ok/404 403 403',
    async (w, _c, k) => ({ ref: await w.outage(k), kind: 'agent_script', body: 'Apologise; no ETA yet.' }),
    REGIONS,
  ),
  'outageComms.startDispatch': onObject(
    '401 ok ok ok/404 403 403',
    async (w, _c, k) => ({ ref: await w.outageWithSms(k), channel: 'sms' }),
    REGIONS,
  ),

  'disputeCase.get': onObject('401 ok ok ok/ok/404 ok/404/404 ok', async (w, _c, k) => ({
    ref: (await w.dispute(k)).ref,
  })),
  'disputeCase.transition': onObject('401 ok ok ok/ok/404 ok/404/404 403', async (w, _c, k) => ({
    ...(await dispute(w, k)),
    to: 'awaiting_recalculation',
  })),
  'disputeCase.recordFinding': onObject('401 ok ok ok/ok/404 ok/404/404 403', async (w, _c, k) => ({
    ...(await dispute(w, k)),
    undueCharge: false,
  })),
  'disputeCase.recordRecalculation': onObject('401 ok ok ok/ok/404 ok/404/404 403', async (w, _c, k) => ({
    ...(await dispute(w, k)),
    recalculationRef: 'BILL-1',
    expectedResolutionOn: '2024-06-30',
  })),
  'disputeCase.recordCustomerNotified': onObject('401 ok ok ok/ok/404 ok/404/404 403', async (w, _c, k) => ({
    ...(await dispute(w, k)),
    channel: 'sms',
  })),
  'disputeCase.addNote': onObject('401 ok ok ok/ok/404 ok/404/404 403', async (w, _c, k) => ({
    ...(await dispute(w, k)),
    note: 'Called the customer.',
  })),
  'disputeCase.issueCredit': onObject('401 ok ok ok/ok/404 ok/404/404 403', async (w, _c, k) => ({
    ...(await dispute(w, k)),
    amountCents: 500,
    reason: 'Undue roaming',
  })),
  'disputeCase.escalateToRetention': onObject('401 ok ok ok/ok/404 ok/404/404 403', async (w, _c, k) => ({
    ...(await dispute(w, k)),
    reason: 'price',
  })),
  'disputeCase.bulkReassign': onObject('401 ok ok ok/ok/404 403 403', async (w, _c, k) => ({
    items: [await dispute(w, k)],
    assigneeEmail: null,
  })),
  'disputeCase.bulkTransition': onObject('401 ok ok ok/ok/404 403 403', async (w, _c, k) => ({
    items: [await dispute(w, k)],
    to: 'awaiting_recalculation',
  })),

  'approvals.list': plain('401 ok ok ok 403 403'),
  'approvals.decide': onObject('401 ok ok ok/ok/404 403 403', async (w, _c, k) => ({
    id: await w.creditRequest(k),
    approve: true,
  })),

  'queue.mySummary': plain('401 403 ok ok ok 403'),
  'queue.list': plain('401 403 ok ok ok 403', () => ({})),
  'queue.counts': plain('401 403 ok ok ok 403', () => ({})),
  'queue.assignees': plain('401 403 ok ok 403 403'),

  'customers.get': onObject(
    '401 ok ok ok/404 ok/404 ok',
    async (w, _c, k) => ({ account: await w.customerAccount(regionOf(k)) }),
    REGIONS,
  ),
  'customers.serviceCredits': onObject(
    '401 ok ok ok/404 ok/404 ok',
    async (w, _c, k) => ({ account: await w.customerAccount(regionOf(k)) }),
    REGIONS,
  ),
  'customers.creditServiceFailures': onObject(
    '401 ok ok ok/404 403 403',
    async (w, _c, k) => ({ account: await w.customerAccount(regionOf(k)) }),
    REGIONS,
  ),
  'customers.search': plain('401 ok ok ok ok ok', () => ({ q: 'M-1' })),
  'retentionCalls.lookupCustomers': plain('401 ok ok ok ok 403', () => ({ q: 'M-' })),
  'retentionCalls.formOptions': plain('401 ok ok ok ok 403'),
  'retentionCalls.open': onObject(
    '401 ok ok ok/404 ok/404 403',
    async (w, caller, k) => ({
      customerId: await w.customer(regionOf(k)),
      repId: repFor(w, caller, k),
      reason: 'price',
      outcome: 'pending',
      offerType: 'none',
    }),
    REGIONS,
  ),
  'retentionCalls.close': onObject('401 ok ok ok/ok/404 ok/404/404 403', async (w, _c, k) => ({
    caseId: await w.retentionCase(k),
    outcome: 'saved',
    offerType: 'none',
    closedAt: new Date(),
  })),
  'retentionCalls.myCases': plain('401 403 403 403 ok 403', () => ({ page: 1 })),
  'retentionCalls.mySaveRate': plain('401 403 403 403 ok 403'),

  'savedViews.list': plain('401 ok ok ok ok ok', () => ({ page: 'queue' })),
  'savedViews.save': plain('401 ok ok ok ok ok', () => ({ page: 'queue', name: 'Mine', query: 'status=open' })),
  'savedViews.remove': onObject('401 ok/404/404 ok/404/404 ok/404/404 ok/404/404 ok/404/404', async (w, c, k) => ({
    id: await w.savedView(k, c),
  })),

  'apiTokens.list': plain('401 ok ok ok ok ok'),
  'apiTokens.create': plain('401 ok ok ok ok ok', () => ({ name: 'Power BI' })),
  'apiTokens.revoke': onObject('401 ok/404/404 ok/404/404 ok/404/404 ok/404/404 ok/404/404', async (w, c, k) => ({
    id: await w.apiToken(k, c),
  })),

  // 400: the caller passed authorization and gave a wrong current password (a success would end their tokens).
  'account.changePassword': plain('401 400 400 400 400 400', () => ({
    currentPassword: 'not the password',
    newPassword: 'correct horse battery staple 42',
  })),
  'account.signOutEverywhere': plain('401 ok ok ok ok ok'),
  'account.setLocale': plain('401 ok ok ok ok ok', () => ({ locale: 'es' })),

  'admin.users': plain('401 ok 403 403 403 403'),
  'admin.createUser': plain('401 ok 403 403 403 403', (w) => ({
    email: w.newEmail(),
    name: 'New',
    role: 'rep',
    regionCode: 'MAD',
    team: null,
  })),
  'admin.updateUser': plain('401 ok 403 403 403 403', async (w) => ({
    userId: await w.spareUser(),
    role: 'rep',
    regionCode: 'CAT',
    team: 'billing',
  })),
  'admin.deactivateUser': plain('401 ok 403 403 403 403', async (w) => ({ userId: await w.spareUser() })),
  'admin.reactivateUser': plain('401 ok 403 403 403 403', async (w) => ({ userId: await w.spareUser(false) })),
  'admin.issuePasswordLink': plain('401 ok 403 403 403 403', async (w) => ({ userId: await w.spareUser() })),
  'adminSettings.get': plain('401 ok 403 403 403 403'),
  'adminSettings.update': plain('401 ok 403 403 403 403', () => ({ commTargetMinutes: 45 })),
  'adminSettings.reset': plain('401 ok 403 403 403 403', () => ({ key: 'commTargetMinutes' })),
  'auditLog.list': plain('401 ok 403 403 403 403', () => ({})),
  'auditLog.facets': plain('401 ok 403 403 403 403'),
  'adminJobs.overview': plain('401 ok 403 403 403 403'),
  'adminJobs.retry': plain('401 404 403 403 403 403', () => ({ queue: 'notify', id: '00000000-0000-4000-8000-000000000000' })),
  'notifications.list': plain('401 ok ok ok ok ok', () => ({})),
  'notifications.unreadCount': plain('401 ok ok ok ok ok'),
  'notifications.onUnreadCount': plain('401 ok ok ok ok ok'),
  'notifications.markRead': plain('401 ok ok ok ok ok', () => ({})),
  'notifications.preferences': plain('401 ok ok ok ok ok'),
  'notifications.setPreferences': plain('401 ok ok ok ok ok', () => ({
    preferences: [{ kind: 'dispute_due', inApp: true, email: false }],
  })),
  'imports.entities': plain('401 ok 403 403 403 403'),
  'imports.runs': plain('401 ok 403 403 403 403'),
  'imports.run': plain('401 ok 403 403 403 403', async (w) => ({ id: await w.importRun() })),

  'exportSchedules.list': plain('401 ok ok ok 403 ok'),
  'exportSchedules.recipientOptions': plain('401 ok ok ok 403 ok'),
  'exportSchedules.create': plain('401 ok ok ok 403 ok', (_w, c) => ({ ...SCHEDULE, recipientIds: [c?.id ?? 1] })),
  'exportSchedules.update': onObject(SCHEDULE_OWNER, async (w, c, k) => ({
    ...SCHEDULE,
    id: (await w.exportRun(k, c)).scheduleId,
    recipientIds: [c?.id ?? 1],
  })),
  'exportSchedules.setEnabled': onObject(SCHEDULE_OWNER, async (w, c, k) => ({
    id: (await w.exportRun(k, c)).scheduleId,
    enabled: false,
  })),
  'exportSchedules.runNow': onObject(SCHEDULE_OWNER, async (w, c, k) => ({ id: (await w.exportRun(k, c)).scheduleId })),
  'exportSchedules.remove': onObject(SCHEDULE_OWNER, async (w, c, k) => ({ id: (await w.exportRun(k, c)).scheduleId })),
  'exportSchedules.runs': onObject(SCHEDULE_OWNER, async (w, c, k) => ({ id: (await w.exportRun(k, c)).scheduleId })),
};

const csv = (text: string): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'text/csv' },
  body: text,
});

export const ROUTES: Record<string, RouteRow> = {
  // Public on purpose: it tells only whether the database answers.
  'GET /api/health': { expect: 'ok ok ok ok ok ok', call: () => ({ url: '/api/health' }) },
  'GET /api/trpc/[trpc]': { expect: '401 ok ok ok ok ok', auth: 'session', call: () => ({ url: '/api/trpc/me.get' }) },
  'POST /api/trpc/[trpc]': {
    expect: '401 ok ok ok ok ok',
    auth: 'session',
    call: () => ({
      url: '/api/trpc/apiTokens.create',
      init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"json":{"name":"via http"}}' },
    }),
  },
  'GET /api/v1/kpis': {
    expect: FIGURES,
    kinds: REGIONS,
    call: (_w, _c, k) => ({ url: `/api/v1/kpis?from=${PERIOD.from}&to=${PERIOD.to}&region=${regionOf(k)}` }),
  },
  'GET /api/v1/export/[file]': {
    expect: FIGURES,
    kinds: REGIONS,
    call: (_w, _c, k) => ({
      url: `/api/v1/export/disputes.csv?from=${PERIOD.from}&to=${PERIOD.to}&region=${regionOf(k)}`,
      params: { file: 'disputes.csv' },
    }),
  },
  'GET /api/v1/outages/[ref]/affected-customers': {
    expect: '401 ok ok ok/404 403 403',
    kinds: REGIONS,
    call: async (w, _c, k) => {
      const ref = await w.outage(k);
      return { url: `/api/v1/outages/${ref}/affected-customers`, params: { ref } };
    },
  },
  'POST /api/v1/import/[entity]': {
    expect: '401 ok 403 403 403 403',
    call: () => ({
      url: '/api/v1/import/regions',
      params: { entity: 'regions' },
      init: csv('code,name\nVAL,Valencia\n'),
    }),
  },
  'POST /api/v1/admin/imports': {
    expect: '401 ok 403 403 403 403',
    call: () => ({ url: '/api/v1/admin/imports?entity=regions', init: csv('code,name\nGAL,Galicia\n') }),
  },
  // The emailed link of a run sent to the kind's user (own: the caller): only that recipient downloads.
  'GET /api/v1/export-runs/[id]/download': {
    expect: '401 ok/403/403 ok/403/403 ok/403/403 ok/403/403 ok/403/403',
    kinds: OBJECT_KINDS,
    auth: 'session',
    call: async (w, c, k) => {
      const { runId, recipientId } = await w.exportRun(k, c);
      const url = signExportLink(authSecret(), { runId, userId: recipientId, expires: Math.floor(Date.now() / 1000) + 3600 });
      return { url, params: { id: String(runId) } };
    },
  },
  'GET /api/v1/admin/audit.csv': { expect: '401 ok 403 403 403 403', call: () => ({ url: '/api/v1/admin/audit.csv' }) },
  'GET /api/v1/admin/imports/[id]/rejects': {
    expect: '401 ok 403 403 403 403',
    call: async (w) => {
      const id = String(await w.importRun());
      return { url: `/api/v1/admin/imports/${id}/rejects`, params: { id } };
    },
  },
};
