import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, disputeEvents } from '@/db/schema';
import { ApiError } from '@/server/http/api-error';
import { createTestDb, type TestDb } from '@/test/db';
import { CONFLICT_MESSAGE } from './access';
import { commitDisputeChange } from './change';
import { addNote, recordCustomerNotified, recordFinding, recordRecalculation } from './record-progress';
import { disputeWorld } from '@/test/factories/dispute-world';
import { transitionDispute } from './transition';

let t: TestDb;
let w: Awaited<ReturnType<typeof disputeWorld>>;
beforeAll(async () => {
  t = await createTestDb();
  w = await disputeWorld(t.db);
});
afterAll(async () => {
  await t?.close();
});

const apiCode = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) =>
      error instanceof ApiError ? `${error.code}: ${error.message}` : `unexpected: ${String(error)}`,
  );

async function lastEvent(ref: string) {
  const { id } = await w.row(ref);
  const [event] = await t.db
    .select()
    .from(disputeEvents)
    .where(eq(disputeEvents.disputeId, id))
    .orderBy(desc(disputeEvents.id))
    .limit(1);
  return event;
}

async function lastAudit(ref: string) {
  const [audit] = await t.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.entityId, ref))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return audit;
}

describe('dispute mutations', () => {
  it('walks a case from open to resolved, one event and one audit row per step', async () => {
    const { repA } = w.people;
    const ref = await w.dispute({ status: 'open' });
    let version = 1;
    version = (await transitionDispute(t.db, repA, { ref, version, to: 'investigating' })).version;
    version = (await recordFinding(t.db, repA, { ref, version, undueCharge: true, undueReason: 'Promo not applied' }))
      .version;
    version = (await transitionDispute(t.db, repA, { ref, version, to: 'awaiting_recalculation' })).version;
    version = (
      await recordRecalculation(t.db, repA, {
        ref,
        version,
        recalculationRef: 'RECALC-77',
        expectedResolutionOn: '2024-05-20',
      })
    ).version;
    version = (await recordCustomerNotified(t.db, repA, { ref, version, channel: 'sms' })).version;
    version = (await addNote(t.db, repA, { ref, version, note: 'Customer happy with the answer.' })).version;
    version = (await transitionDispute(t.db, repA, { ref, version, to: 'resolved' })).version;

    expect(version).toBe(8);
    expect(await w.trail(ref)).toEqual({ events: 7, audits: 7 });
    const row = await w.row(ref);
    expect(row).toMatchObject({
      status: 'resolved',
      version: 8,
      undueCharge: true,
      undueReason: 'Promo not applied',
      recalculationRef: 'RECALC-77',
      expectedResolutionOn: '2024-05-20',
      customerNotifiedChannel: 'sms',
    });
    expect(row.resolvedAt).toBeInstanceOf(Date);
    expect(row.customerNotifiedAt).toBeInstanceOf(Date);

    const event = await lastEvent(ref);
    expect(event).toMatchObject({ kind: 'resolved', actorId: repA.id });
    expect(event?.changes?.status).toEqual({ from: 'awaiting_recalculation', to: 'resolved' });
    expect(event?.changes?.resolvedAt?.from).toBeNull();
    const audit = await lastAudit(ref);
    expect(audit).toMatchObject({ action: 'dispute.resolved', entity: 'dispute', actorId: repA.id });
    expect(audit?.details).toMatchObject({ version: 8 });
  });

  it('clears resolved_at when a manager reopens a case', async () => {
    const ref = await w.dispute({ status: 'resolved', undue: true });
    expect((await w.row(ref)).resolvedAt).not.toBeNull();
    await expect(
      apiCode(transitionDispute(t.db, w.people.repA, { ref, version: 1, to: 'investigating' })),
    ).resolves.toBe('bad_request: Only a manager or an admin can reopen a dispute.');
    await transitionDispute(t.db, w.people.madManager, {
      ref,
      version: 1,
      to: 'investigating',
      note: 'Customer called again',
    });
    const row = await w.row(ref);
    expect(row).toMatchObject({ status: 'investigating', resolvedAt: null, version: 2 });
    expect(await lastEvent(ref)).toMatchObject({ kind: 'reopened', note: 'Customer called again' });
  });

  it('refuses invalid transitions with the state machine message, writing nothing', async () => {
    const ref = await w.dispute({ status: 'resolved', undue: true });
    await expect(
      apiCode(transitionDispute(t.db, w.people.admin, { ref, version: 1, to: 'awaiting_recalculation' })),
    ).resolves.toBe('bad_request: Cannot move a dispute from resolved to awaiting_recalculation.');
    const open = await w.dispute({ status: 'investigating' });
    await expect(
      apiCode(transitionDispute(t.db, w.people.repA, { ref: open, version: 1, to: 'resolved' })),
    ).resolves.toMatch(/before closing/);
    expect(await w.trail(ref)).toEqual({ events: 0, audits: 0 });
    expect(await w.trail(open)).toEqual({ events: 0, audits: 0 });
    expect((await w.row(open)).version).toBe(1);
  });

  it('refuses a change based on an old version and overwrites nothing', async () => {
    const { repA } = w.people;
    const ref = await w.dispute();
    await recordFinding(t.db, repA, { ref, version: 1, undueCharge: true, undueReason: 'Line never ordered' });
    // A second rep screen still shows version 1.
    await expect(
      apiCode(recordFinding(t.db, repA, { ref, version: 1, undueCharge: false, undueReason: null })),
    ).resolves.toBe(`conflict: ${CONFLICT_MESSAGE}`);
    await expect(apiCode(addNote(t.db, repA, { ref, version: 1, note: 'late' }))).resolves.toMatch(/^conflict/);
    expect(await w.row(ref)).toMatchObject({ undueCharge: true, undueReason: 'Line never ordered', version: 2 });
    expect(await w.trail(ref)).toEqual({ events: 1, audits: 1 });
  });

  it('guards the update itself, not only the read: a stale expected version updates no row', async () => {
    const ref = await w.dispute();
    const row = await w.row(ref);
    await addNote(t.db, w.people.repA, { ref, version: 1, note: 'first' });
    const stale = t.db.transaction((tx) =>
      commitDisputeChange(tx, w.people.repA, row, { expectedVersion: 1, kind: 'note', note: 'stale', at: new Date() }),
    );
    await expect(apiCode(stale)).resolves.toBe(`conflict: ${CONFLICT_MESSAGE}`);
    expect(await w.trail(ref)).toEqual({ events: 1, audits: 1 });
  });

  it('rolls back the event and the audit row when the transaction fails after writing them', async () => {
    const ref = await w.dispute();
    const row = await w.row(ref);
    const failing = t.db.transaction(async (tx) => {
      await commitDisputeChange(tx, w.people.repA, row, {
        expectedVersion: 1,
        kind: 'note',
        note: 'doomed',
        at: new Date(),
      });
      throw new ApiError('bad_request', 'a later step failed');
    });
    await expect(apiCode(failing)).resolves.toBe('bad_request: a later step failed');
    expect(await w.trail(ref)).toEqual({ events: 0, audits: 0 });
    expect((await w.row(ref)).version).toBe(1);
  });

  it('writes nothing when the database refuses the change', async () => {
    // Opened "tomorrow": resolving now breaks resolved_at >= opened_at.
    const ref = await w.dispute({ undue: true, openedAt: new Date(Date.now() + 86_400_000) });
    await expect(transitionDispute(t.db, w.people.repA, { ref, version: 1, to: 'resolved' })).rejects.toThrow();
    expect(await w.trail(ref)).toEqual({ events: 0, audits: 0 });
    expect(await w.row(ref)).toMatchObject({ status: 'investigating', version: 1 });
  });

  it('validates what each form records', async () => {
    const { repA } = w.people;
    const ref = await w.dispute();
    await expect(
      apiCode(
        recordRecalculation(t.db, repA, {
          ref,
          version: 1,
          recalculationRef: 'R1',
          expectedResolutionOn: '2024-06-01',
        }),
      ),
    ).resolves.toMatch(/charge was undue before requesting a recalculation/);
    await recordFinding(t.db, repA, { ref, version: 1, undueCharge: true, undueReason: 'Fee never disclosed' });
    await expect(
      apiCode(recordFinding(t.db, repA, { ref, version: 2, undueCharge: true, undueReason: 'Fee never disclosed' })),
    ).resolves.toMatch(/^bad_request: Nothing to change/);
    await expect(
      apiCode(
        recordRecalculation(t.db, repA, {
          ref,
          version: 2,
          recalculationRef: 'R1',
          expectedResolutionOn: '2024-04-01',
        }),
      ),
    ).resolves.toMatch(/before the dispute was opened/);
    const future = new Date(Date.now() + 3_600_000);
    await expect(
      apiCode(recordCustomerNotified(t.db, repA, { ref, version: 2, channel: 'email', at: future })),
    ).resolves.toMatch(/in the future/);
    await expect(
      apiCode(
        recordCustomerNotified(t.db, repA, { ref, version: 2, channel: 'email', at: new Date('2024-05-01T00:00:00Z') }),
      ),
    ).resolves.toMatch(/before the dispute was opened/);
    await recordCustomerNotified(t.db, repA, {
      ref,
      version: 2,
      channel: 'letter',
      at: new Date('2024-05-03T12:00:00Z'),
    });
    expect(await w.row(ref)).toMatchObject({
      customerNotifiedChannel: 'letter',
      customerNotifiedAt: new Date('2024-05-03T12:00:00Z'),
      version: 3,
    });
    expect(await w.trail(ref)).toEqual({ events: 2, audits: 2 });
    const resolved = await w.dispute({ status: 'resolved', undue: true });
    await expect(
      apiCode(recordFinding(t.db, repA, { ref: resolved, version: 1, undueCharge: false, undueReason: null })),
    ).resolves.toMatch(/only while the dispute is open or under investigation/);
  });
});
