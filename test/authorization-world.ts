import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  creditRequests,
  customers,
  disputes,
  exportRunRecipients,
  exportRuns,
  exportSchedules,
  importRuns,
  outageRegions,
  outages,
  outageTexts,
  postcodes,
  regions,
  retentionCases,
  savedViews,
  users,
} from '@/db/schema';
import type { Role, Team } from '@/lib/vocabularies';
import { createApiToken } from '@/server/auth/api-tokens';
import type { SessionUser } from '@/server/auth/session-user';

/** Who calls, in the authorization matrix: nobody, or one person per role (managers with and without a region). */
export const SUBJECTS = ['anonymous', 'admin', 'national', 'regional', 'rep', 'analyst'] as const;
export type Subject = (typeof SUBJECTS)[number];
export type Persona = Exclude<Subject, 'anonymous'>;

/**
 * Which object a call is about, seen from the callers (who all work in MAD when they have a region):
 * `own` — the caller's own (their view, their token) or, for cases and disputes, the MAD rep's (the
 * rep caller's own); `sameRegion` — someone else's in MAD; `otherRegion` — someone else's in CAT.
 */
export const OBJECT_KINDS = ['own', 'sameRegion', 'otherRegion'] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

export const HOME = 'MAD';
export const ELSEWHERE = 'CAT';
export const regionOf = (kind: ObjectKind) => (kind === 'otherRegion' ? ELSEWHERE : HOME);

/**
 * A small deterministic world for the authorization matrix: two regions, the callers, a second
 * rep in MAD and a rep and manager in CAT, a personal API token per caller, and builders that
 * make a fresh object of each kind for every call, so every mutation starts from rows it can change.
 */
export async function authorizationWorld(db: Db) {
  await db.insert(regions).values([
    { code: HOME, name: 'Madrid' },
    { code: ELSEWHERE, name: 'Catalunya' },
  ]);
  await db.insert(postcodes).values([
    { postcode: '28001', regionCode: HOME },
    { postcode: '08001', regionCode: ELSEWHERE },
  ]);
  const person = async (email: string, role: Role, regionCode: string | null, team: Team | null = null) => {
    const [row] = await db
      .insert(users)
      // A password (never checked here) marks the install as set up, so the API answers.
      .values({ email, name: email.split('@')[0] ?? email, role, regionCode, team, passwordHash: 'not-a-real-hash' })
      .returning({ id: users.id });
    if (!row) throw new Error('user insert returned no row');
    const session: SessionUser = { id: row.id, email, name: email, role, regionCode };
    return session;
  };
  const callers: Record<Persona, SessionUser> = {
    admin: await person('root@m.test', 'admin', null),
    national: await person('boss@m.test', 'manager', null),
    regional: await person('boss.mad@m.test', 'manager', HOME),
    rep: await person('rep.mad@m.test', 'rep', HOME, 'retention'),
    analyst: await person('numbers@m.test', 'analyst', null),
  };
  const others = {
    repMad: await person('rep2.mad@m.test', 'rep', HOME, 'retention'),
    repCat: await person('rep.cat@m.test', 'rep', ELSEWHERE, 'retention'),
    managerCat: await person('boss.cat@m.test', 'manager', ELSEWHERE),
  };
  const tokens = {} as Record<Persona, string>;
  for (const [persona, user] of Object.entries(callers) as [Persona, SessionUser][]) {
    tokens[persona] = (await createApiToken(db, user.id, 'matrix')).token;
  }

  let serial = 0;
  /** Whose object it is: the caller's own, or another user's in MAD or in CAT. */
  const ownerOf = (kind: ObjectKind, caller: SessionUser | null) =>
    kind === 'own' ? (caller ?? callers.rep) : kind === 'sameRegion' ? others.repMad : others.repCat;
  /** The rep a case or dispute of this kind belongs to (own: the MAD rep caller's). */
  const repOf = (kind: ObjectKind) => (kind === 'own' ? callers.rep : ownerOf(kind, null));

  async function customer(regionCode: string) {
    serial++;
    const [row] = await db
      .insert(customers)
      .values({
        accountNumber: `M-${serial}`,
        name: `Customer ${serial}`,
        regionCode,
        postcode: regionCode === HOME ? '28001' : '08001',
        activatedAt: new Date('2024-01-15T10:00:00Z'),
        monthlyFeeCents: 5000,
      })
      .returning({ id: customers.id });
    if (!row) throw new Error('customer insert returned no row');
    return row.id;
  }

  /** A fresh customer of the region, by account number (the customer 360 page's key). */
  async function customerAccount(regionCode: string) {
    const id = await customer(regionCode);
    const [row] = await db.select({ account: customers.accountNumber }).from(customers).where(eq(customers.id, id));
    if (!row) throw new Error('customer not found');
    return row.account;
  }

  /** An investigating dispute whose charge was found undue: every change of the case page applies to it. */
  async function dispute(kind: ObjectKind) {
    const disputeRef = `DS-M${++serial}`;
    const [row] = await db
      .insert(disputes)
      .values({
        disputeRef,
        customerId: await customer(regionOf(kind)),
        openedAt: new Date('2024-05-02T09:00:00Z'),
        cause: 'overcharge',
        disputedAmountCents: 20_000,
        status: 'investigating',
        assignedToId: repOf(kind).id,
        billNumber: 1,
        undueCharge: true,
      })
      .returning({ id: disputes.id });
    if (!row) throw new Error('dispute insert returned no row');
    return { id: row.id, ref: disputeRef, version: 1 };
  }

  /** A pending credit request on a fresh dispute of this kind. */
  async function creditRequest(kind: ObjectKind) {
    const { id: disputeId } = await dispute(kind);
    const [row] = await db
      .insert(creditRequests)
      .values({ disputeId, requestedById: repOf(kind).id, amountCents: 1_000, reason: 'Undue roaming' })
      .returning({ id: creditRequests.id });
    if (!row) throw new Error('credit request insert returned no row');
    return row.id;
  }

  /** A pending retention case about a customer of the kind's region, taken by the kind's rep. */
  async function retentionCase(kind: ObjectKind) {
    const [row] = await db
      .insert(retentionCases)
      .values({
        caseRef: `RC-M${++serial}`,
        customerId: await customer(regionOf(kind)),
        repId: repOf(kind).id,
        openedAt: new Date('2024-05-01T09:00:00Z'),
        reason: 'price',
        offerType: 'none',
        outcome: 'pending',
        mrrAtRiskCents: 5000,
      })
      .returning({ id: retentionCases.id });
    if (!row) throw new Error('retention case insert returned no row');
    return row.id;
  }

  /** A resolved outage of the kind's region only (own and sameRegion: MAD). */
  async function outage(kind: ObjectKind) {
    const outageRef = `OUT-M${++serial}`;
    const [row] = await db
      .insert(outages)
      .values({
        outageRef,
        title: 'Fibre cut',
        severity: 'major',
        startedAt: new Date('2024-05-01T08:00:00Z'),
        resolvedAt: new Date('2024-05-01T14:00:00Z'),
      })
      .returning({ id: outages.id });
    if (!row) throw new Error('outage insert returned no row');
    await db.insert(outageRegions).values({ outageId: row.id, regionCode: regionOf(kind) });
    return outageRef;
  }

  /** An outage of the kind's region with an SMS text, ready to send. */
  async function outageWithSms(kind: ObjectKind) {
    const ref = await outage(kind);
    const [row] = await db.select({ id: outages.id }).from(outages).where(eq(outages.outageRef, ref));
    if (!row) throw new Error('outage not found');
    await db.insert(outageTexts).values({ outageId: row.id, kind: 'sms', body: 'Service is down.', authorId: callers.admin.id });
    return ref;
  }

  async function savedView(kind: ObjectKind, caller: SessionUser | null) {
    const [row] = await db
      .insert(savedViews)
      .values({ userId: ownerOf(kind, caller).id, page: 'queue', name: `View ${++serial}`, query: 'status=open' })
      .returning({ id: savedViews.id });
    if (!row) throw new Error('saved view insert returned no row');
    return row.id;
  }

  async function apiToken(kind: ObjectKind, caller: SessionUser | null) {
    return (await createApiToken(db, ownerOf(kind, caller).id, `token ${++serial}`)).id;
  }

  /**
   * A schedule of the kind's owner (own: the caller's) with one stored run, sent to the same
   * person: what an emailed download link and the schedules' procedures act on.
   */
  async function exportRun(kind: ObjectKind, caller: SessionUser | null) {
    const owner = ownerOf(kind, caller);
    const [schedule] = await db
      .insert(exportSchedules)
      .values({
        ownerId: owner.id,
        name: `Schedule ${++serial}`,
        dataset: 'disputes',
        format: 'csv',
        filters: { period: 'yesterday', region: null, rep: null },
        cadence: 'daily',
        hour: 6,
        nextRunAt: new Date(Date.now() + 3_600_000),
      })
      .returning({ id: exportSchedules.id });
    if (!schedule) throw new Error('schedule insert returned no row');
    const [run] = await db
      .insert(exportRuns)
      .values({
        scheduleId: schedule.id,
        dueAt: new Date(),
        status: 'succeeded',
        fileName: 'disputes.csv',
        contentType: 'text/csv; charset=utf-8',
        file: new TextEncoder().encode('dispute_ref\r\n'),
        fileBytes: 13,
        rowCount: 0,
        linkExpiresAt: new Date(Date.now() + 86_400_000),
      })
      .returning({ id: exportRuns.id });
    if (!run) throw new Error('run insert returned no row');
    await db.insert(exportRunRecipients).values({ runId: run.id, userId: owner.id });
    return { scheduleId: schedule.id, runId: run.id, recipientId: owner.id };
  }

  /** A fresh address no user has. */
  const newEmail = () => `new${++serial}@m.test`;

  /** A staff account for the admin screens to change: a MAD rep, active or not. */
  async function spareUser(active = true) {
    const [row] = await db
      .insert(users)
      .values({ email: newEmail(), name: 'Spare', role: 'rep', regionCode: HOME, active })
      .returning({ id: users.id });
    if (!row) throw new Error('user insert returned no row');
    return row.id;
  }

  /** A finished import run that left rows out (so it has a rejects CSV). */
  async function importRun() {
    const [row] = await db
      .insert(importRuns)
      .values({
        entity: 'regions',
        fileName: 'regions.csv',
        skipInvalid: true,
        status: 'committed',
        startedById: callers.admin.id,
        finishedAt: new Date(),
        rowsRead: 1,
        rowsRejected: 1,
        rejectsCsv: 'code,name,reason\nX,,name is required\n',
      })
      .returning({ id: importRuns.id });
    if (!row) throw new Error('import run insert returned no row');
    return row.id;
  }

  return {
    callers,
    others,
    tokens,
    repOf,
    newEmail,
    spareUser,
    customer,
    customerAccount,
    dispute,
    creditRequest,
    retentionCase,
    outage,
    outageWithSms,
    savedView,
    apiToken,
    importRun,
    exportRun,
  };
}

export type AuthorizationWorld = Awaited<ReturnType<typeof authorizationWorld>>;
