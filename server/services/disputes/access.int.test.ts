import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import type { SessionUser } from '@/server/auth/session-user';
import { createTestDb, type TestDb } from '@/test/db';
import { disputeWorld } from '@/test/factories/dispute-world';

let t: TestDb;
let w: Awaited<ReturnType<typeof disputeWorld>>;
beforeAll(async () => {
  t = await createTestDb();
  w = await disputeWorld(t.db);
});
afterAll(async () => {
  await t?.close();
});

const caller = (session: SessionUser | null) => createCaller({ db: t.db, session });
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'OK',
    (error: unknown) => (error instanceof TRPCError ? error.code : `unexpected: ${String(error)}`),
  );

/** Every procedure of the case, called by `session` on the dispute `ref`. */
function everyCall(session: SessionUser | null, ref: string) {
  const c = caller(session).disputeCase;
  const target = { ref, version: 1 };
  return {
    get: c.get({ ref }),
    transition: c.transition({ ...target, to: 'investigating' }),
    recordFinding: c.recordFinding({ ...target, undueCharge: false }),
    recordRecalculation: c.recordRecalculation({
      ...target,
      recalculationRef: 'R',
      expectedResolutionOn: '2024-06-01',
    }),
    recordCustomerNotified: c.recordCustomerNotified({ ...target, channel: 'phone' }),
    addNote: c.addNote({ ...target, note: 'peek' }),
    issueCredit: c.issueCredit({ ...target, amountCents: 100, reason: 'r' }),
    escalateToRetention: c.escalateToRetention({ ...target, reason: 'price' }),
  };
}

async function codes(calls: Record<string, Promise<unknown>>) {
  const entries = await Promise.all(Object.entries(calls).map(async ([name, p]) => [name, await code(p)] as const));
  return Object.fromEntries(entries);
}

describe('who may see and change a dispute', () => {
  it('answers NOT_FOUND to a rep calling on another rep’s dispute, exactly as for a missing one', async () => {
    const ref = await w.dispute({ status: 'open', assignedTo: w.people.repB });
    const asRepA = await codes(everyCall(w.people.repA, ref));
    expect(new Set(Object.values(asRepA))).toEqual(new Set(['NOT_FOUND']));
    const missing = await caller(w.people.repA)
      .disputeCase.get({ ref: 'DS-NOPE' })
      .catch((e: unknown) => e);
    const hidden = await caller(w.people.repA)
      .disputeCase.get({ ref })
      .catch((e: unknown) => e);
    expect((hidden as TRPCError).message).toBe(`Dispute ${ref} was not found.`);
    expect((missing as TRPCError).message).toBe('Dispute DS-NOPE was not found.');
    expect(await w.trail(ref)).toEqual({ events: 0, audits: 0 });
    expect((await w.row(ref)).version).toBe(1);
    // Its own rep may.
    expect(await code(caller(w.people.repB).disputeCase.addNote({ ref, version: 1, note: 'mine' }))).toBe('OK');
  });

  it('lets an analyst read but answers FORBIDDEN to every change', async () => {
    const ref = await w.dispute({ status: 'open' });
    const { get, ...changes } = await codes(everyCall(w.people.analyst, ref));
    expect(get).toBe('OK');
    expect(new Set(Object.values(changes))).toEqual(new Set(['FORBIDDEN']));
    const c = caller(w.people.analyst);
    expect(await code(c.disputeCase.bulkTransition({ items: [{ ref, version: 1 }], to: 'investigating' }))).toBe(
      'FORBIDDEN',
    );
    expect(await code(c.disputeCase.bulkReassign({ items: [{ ref, version: 1 }], assigneeEmail: null }))).toBe(
      'FORBIDDEN',
    );
    expect(await code(c.approvals.list())).toBe('FORBIDDEN');
    expect(await code(c.approvals.decide({ id: 1, approve: true }))).toBe('FORBIDDEN');
    expect(await w.trail(ref)).toEqual({ events: 0, audits: 0 });
  });

  it('answers NOT_FOUND to a regional manager outside their region', async () => {
    const cat = await w.dispute({ region: 'CAT', assignedTo: w.people.repCat, status: 'open' });
    const asMad = await codes(everyCall(w.people.madManager, cat));
    expect(new Set(Object.values(asMad))).toEqual(new Set(['NOT_FOUND']));
    expect(
      await code(
        caller(w.people.madManager).disputeCase.bulkTransition({
          items: [{ ref: cat, version: 1 }],
          to: 'investigating',
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(await code(caller(w.people.catManager).disputeCase.get({ ref: cat }))).toBe('OK');
    expect(
      await code(
        caller(w.people.nationalManager).disputeCase.transition({ ref: cat, version: 1, to: 'investigating' }),
      ),
    ).toBe('OK');
  });

  it('asks who is calling first', async () => {
    const ref = await w.dispute();
    expect(new Set(Object.values(await codes(everyCall(null, ref))))).toEqual(new Set(['UNAUTHORIZED']));
  });

  it('gives reps no bulk actions', async () => {
    const ref = await w.dispute();
    const c = caller(w.people.repA).disputeCase;
    expect(await code(c.bulkReassign({ items: [{ ref, version: 1 }], assigneeEmail: 'rep.a@t.test' }))).toBe(
      'FORBIDDEN',
    );
    expect(await code(c.bulkTransition({ items: [{ ref, version: 1 }], to: 'resolved' }))).toBe('FORBIDDEN');
  });

  it('answers CONFLICT to a stale version and BAD_REQUEST to an invalid move', async () => {
    const ref = await w.dispute({ status: 'open' });
    const c = caller(w.people.repA).disputeCase;
    await c.addNote({ ref, version: 1, note: 'first' });
    const conflict = await c.addNote({ ref, version: 1, note: 'second' }).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(TRPCError);
    expect((conflict as TRPCError).code).toBe('CONFLICT');
    expect((conflict as TRPCError).message).toBe(
      'This dispute was changed by someone else; reload to see the latest version.',
    );
    expect(await code(c.transition({ ref, version: 2, to: 'awaiting_recalculation' }))).toBe('BAD_REQUEST');
  });
});

describe('the case as the page shows it', () => {
  it('gathers the customer, their other open cases, credits and the timeline, newest first', async () => {
    const { repA, repB } = w.people;
    const customerId = await w.customer({ fee: 3_990 });
    const ref = await w.dispute({ customerId, status: 'open' });
    const other = await w.dispute({ customerId, assignedTo: repB });
    await w.dispute({ customerId, status: 'resolved', undue: true });
    const c = caller(repA).disputeCase;
    await c.transition({ ref, version: 1, to: 'investigating' });
    await c.recordFinding({ ref, version: 2, undueCharge: true, undueReason: 'Double charge' });
    await c.issueCredit({ ref, version: 3, amountCents: 1_500, reason: 'Duplicate line' });
    await c.issueCredit({ ref, version: 4, amountCents: 6_000, reason: 'The rest' });

    const view = await c.get({ ref });
    expect(view.version).toBe(5);
    expect(view.dispute).toMatchObject({
      ref,
      status: 'investigating',
      creditedAmountCents: 1_500,
      billNumber: 1,
      cause: 'overcharge',
    });
    expect(view.dispute.assignee).toEqual({ name: 'rep.a', email: 'rep.a@t.test' });
    expect(view.customer).toMatchObject({
      regionCode: 'MAD',
      regionName: 'Madrid',
      plan: 'Fibre 600',
      postcode: '28001',
      monthlyFeeCents: 3_990,
      soldBy: { email: 'rep.a@t.test' },
    });
    expect(view.customer.tenureMonths).toBeGreaterThan(12);
    expect(view.otherOpenCases.disputes).toEqual([expect.objectContaining({ ref: other, canOpen: false })]);
    expect(view.credits.compensations).toMatchObject([
      { amountCents: 1_500, kind: 'dispute_credit', issuedBy: 'rep.a' },
    ]);
    expect(view.credits.requests).toMatchObject([{ amountCents: 6_000, status: 'pending', requestedBy: 'rep.a' }]);
    expect(view.timeline.map((e) => e.kind)).toEqual([
      'credit_requested',
      'credit_issued',
      'finding_recorded',
      'status_changed',
    ]);
    expect(view.timeline[0]?.actorName).toBe('rep.a');
    expect(view.transitions).toEqual([
      { to: 'awaiting_recalculation', problem: null, problemCode: null },
      { to: 'resolved', problem: null, problemCode: null },
      {
        to: 'rejected',
        problem: 'The charge was found undue: resolve the dispute instead of rejecting it.',
        problemCode: 'undueMeansResolve',
      },
    ]);
    expect(view.creditAllowance).toEqual({
      remainingCents: 20_000 - 1_500 - 6_000,
      pendingCents: 6_000,
      perCaseLeftCents: 5_000 - 1_500,
      perMonthLeftCents: 30_000 - 1_500,
      withoutApprovalCents: 3_500,
    });
    expect(view.permissions).toEqual({ canChange: true, canDecideCredits: false });

    const asManager = await caller(w.people.madManager).disputeCase.get({ ref });
    expect(asManager.otherOpenCases.disputes[0]?.canOpen).toBe(true);
    expect(asManager.creditAllowance?.perCaseLeftCents).toBeNull();
    const asAnalyst = await caller(w.people.analyst).disputeCase.get({ ref });
    expect(asAnalyst.transitions).toEqual([]);
    expect(asAnalyst.creditAllowance).toBeNull();
  });
});
