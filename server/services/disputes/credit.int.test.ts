import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compensations, creditRequests, disputeEvents } from '@/db/schema';
import { ApiError } from '@/server/http/api-error';
import { createTestDb, type TestDb } from '@/test/db';
import { putSetting } from '../settings';
import { issueCredit } from './credit';
import { decideCreditRequest, listPendingCreditRequests } from './credit-requests';
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

const apiError = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) =>
      error instanceof ApiError ? `${error.code}: ${error.message}` : `unexpected: ${String(error)}`,
  );

async function compsOf(ref: string) {
  const { id } = await w.row(ref);
  return t.db.select().from(compensations).where(eq(compensations.disputeId, id));
}

async function eventKinds(ref: string) {
  const { id } = await w.row(ref);
  const rows = await t.db
    .select({ kind: disputeEvents.kind })
    .from(disputeEvents)
    .where(eq(disputeEvents.disputeId, id));
  return rows.map((r) => r.kind);
}

describe('issuing credits', () => {
  beforeEach(async () => {
    await putSetting(t.db, 'repCreditLimitPerCaseCents', 5_000);
    await putSetting(t.db, 'repCreditLimitPerMonthCents', 30_000);
  });

  it('credits within the limit at once as a dispute_credit compensation', async () => {
    const { repA } = w.people;
    const ref = await w.dispute({ undue: true });
    const result = await issueCredit(t.db, repA, {
      ref,
      version: 1,
      amountCents: 3_000,
      reason: 'Activation fee never disclosed',
    });
    expect(result).toMatchObject({ outcome: 'issued', amountCents: 3_000, version: 2 });
    const [comp] = await compsOf(ref);
    expect(comp).toMatchObject({
      kind: 'dispute_credit',
      amountCents: 3_000,
      issuedById: repA.id,
      disputeId: (await w.row(ref)).id,
    });
    expect(comp?.compRef).toMatch(/^CP-/);
    expect(await w.row(ref)).toMatchObject({ creditedAmountCents: 3_000, version: 2 });
    expect(await eventKinds(ref)).toEqual(['credit_issued']);
    expect(await w.trail(ref)).toEqual({ events: 1, audits: 1 });
  });

  it('sends a credit above the per-case limit to a manager as a pending request', async () => {
    const { repA } = w.people;
    const ref = await w.dispute({ undue: true });
    await issueCredit(t.db, repA, { ref, version: 1, amountCents: 4_000, reason: 'part one' });
    // 4,000 already credited on the case + 2,000 > 5,000.
    const result = await issueCredit(t.db, repA, { ref, version: 2, amountCents: 2_000, reason: 'part two' });
    expect(result).toMatchObject({ outcome: 'pending', limit: 'case', version: 3 });
    expect(await compsOf(ref)).toHaveLength(1);
    expect(await w.row(ref)).toMatchObject({ creditedAmountCents: 4_000, version: 3 });
    const { id } = await w.row(ref);
    const requests = await t.db.select().from(creditRequests).where(eq(creditRequests.disputeId, id));
    expect(requests).toMatchObject([
      { status: 'pending', amountCents: 2_000, requestedById: repA.id, reason: 'part two' },
    ]);
    expect(await eventKinds(ref)).toEqual(['credit_issued', 'credit_requested']);
  });

  it('sends a credit above the per-month limit to a manager, counting the rep’s credits on every dispute', async () => {
    const { repB } = w.people;
    await putSetting(t.db, 'repCreditLimitPerMonthCents', 8_000);
    const first = await w.dispute({ undue: true, assignedTo: repB });
    const second = await w.dispute({ undue: true, assignedTo: repB });
    await issueCredit(t.db, repB, { ref: first, version: 1, amountCents: 5_000, reason: 'a' });
    const result = await issueCredit(t.db, repB, { ref: second, version: 1, amountCents: 4_000, reason: 'b' });
    expect(result).toMatchObject({ outcome: 'pending', limit: 'month' });
    expect(await compsOf(second)).toHaveLength(0);
    // 3,000 still fits this month.
    expect(await issueCredit(t.db, repB, { ref: second, version: 2, amountCents: 3_000, reason: 'c' })).toMatchObject({
      outcome: 'issued',
    });
  });

  it('never credits more than was disputed, counting what waits for approval', async () => {
    const { repA, madManager } = w.people;
    const ref = await w.dispute({ undue: true, amount: 10_000 });
    await issueCredit(t.db, repA, { ref, version: 1, amountCents: 8_000, reason: 'big' }); // pending: above 5,000
    await expect(apiError(issueCredit(t.db, repA, { ref, version: 2, amountCents: 2_500, reason: 'x' }))).resolves.toBe(
      'bad_request: At most €20.00 can still be credited on this dispute (disputed €100.00, credited €0.00, €80.00 awaiting approval).',
    );
    await expect(
      apiError(issueCredit(t.db, madManager, { ref, version: 2, amountCents: 2_001, reason: 'x' })),
    ).resolves.toMatch(/^bad_request: At most €20.00/);
    expect(await w.trail(ref)).toEqual({ events: 1, audits: 1 });
  });

  it('does not limit managers and admins', async () => {
    const ref = await w.dispute({ undue: true, amount: 90_000 });
    expect(
      await issueCredit(t.db, w.people.madManager, { ref, version: 1, amountCents: 60_000, reason: 'x' }),
    ).toMatchObject({
      outcome: 'issued',
    });
    expect(
      await issueCredit(t.db, w.people.admin, { ref, version: 2, amountCents: 30_000, reason: 'y' }),
    ).toMatchObject({
      outcome: 'issued',
    });
    expect(await w.row(ref)).toMatchObject({ creditedAmountCents: 90_000 });
  });

  it('credits only an undue charge on a case still being worked on', async () => {
    const { repA } = w.people;
    const undecided = await w.dispute();
    await expect(
      apiError(issueCredit(t.db, repA, { ref: undecided, version: 1, amountCents: 100, reason: 'x' })),
    ).resolves.toMatch(/charge was undue before crediting/);
    const closed = await w.dispute({ status: 'resolved', undue: true });
    await expect(
      apiError(issueCredit(t.db, repA, { ref: closed, version: 1, amountCents: 100, reason: 'x' })),
    ).resolves.toMatch(/reopen it before crediting/);
    expect(await compsOf(undecided)).toHaveLength(0);
  });
});

describe('deciding credit requests', () => {
  async function pendingRequest(amountCents = 7_000, region = 'MAD') {
    const rep = region === 'MAD' ? w.people.repA : w.people.repCat;
    const ref = await w.dispute({ undue: true, region, assignedTo: rep });
    const result = await issueCredit(t.db, rep, { ref, version: 1, amountCents, reason: 'Roaming never used' });
    if (result.outcome !== 'pending') throw new Error('expected a pending request');
    return { ref, id: result.requestId };
  }

  it('lists the pending requests of the manager’s region', async () => {
    const mad = await pendingRequest();
    const cat = await pendingRequest(6_000, 'CAT');
    const ids = async (actor: typeof w.people.madManager) =>
      (await listPendingCreditRequests(t.db, actor)).requests.map((r) => r.id);
    expect(await ids(w.people.madManager)).toContain(mad.id);
    expect(await ids(w.people.madManager)).not.toContain(cat.id);
    expect(await ids(w.people.nationalManager)).toEqual(expect.arrayContaining([mad.id, cat.id]));
    const [row] = (await listPendingCreditRequests(t.db, w.people.catManager)).requests.filter((r) => r.id === cat.id);
    expect(row).toMatchObject({
      disputeRef: cat.ref,
      amountCents: 6_000,
      reason: 'Roaming never used',
      requestedBy: { email: 'rep.cat@t.test' },
    });
    await expect(apiError(listPendingCreditRequests(t.db, w.people.repA))).resolves.toMatch(/^forbidden/);
  });

  it('creates the compensation on approval, once', async () => {
    const { ref, id } = await pendingRequest();
    const before = await w.row(ref);
    const result = await decideCreditRequest(t.db, w.people.madManager, { id, approve: true, note: 'Fair' });
    expect(result).toMatchObject({ status: 'approved', version: before.version + 1 });
    const [comp] = await compsOf(ref);
    expect(comp).toMatchObject({ kind: 'dispute_credit', amountCents: 7_000, issuedById: w.people.madManager.id });
    const [request] = await t.db.select().from(creditRequests).where(eq(creditRequests.id, id));
    expect(request).toMatchObject({
      status: 'approved',
      decidedById: w.people.madManager.id,
      decisionNote: 'Fair',
      compensationId: comp?.id,
    });
    expect(await w.row(ref)).toMatchObject({ creditedAmountCents: 7_000 });
    expect(await eventKinds(ref)).toEqual(['credit_requested', 'credit_approved']);
    expect(await w.trail(ref)).toEqual({ events: 2, audits: 2 });

    await expect(apiError(decideCreditRequest(t.db, w.people.admin, { id, approve: false, note: 'no' }))).resolves.toBe(
      `conflict: Credit request #${id} was already approved.`,
    );
    expect(await compsOf(ref)).toHaveLength(1);
    expect(await w.trail(ref)).toEqual({ events: 2, audits: 2 });
  });

  it('refuses a second decision even when two managers decide at once', async () => {
    const { ref, id } = await pendingRequest();
    const outcomes = await Promise.all([
      apiError(decideCreditRequest(t.db, w.people.madManager, { id, approve: true, note: null })),
      apiError(decideCreditRequest(t.db, w.people.nationalManager, { id, approve: true, note: null })),
    ]);
    expect(outcomes.filter((o) => o === 'resolved')).toHaveLength(1);
    expect(outcomes.filter((o) => o.startsWith('conflict'))).toHaveLength(1);
    expect(await compsOf(ref)).toHaveLength(1);
    expect(await w.row(ref)).toMatchObject({ creditedAmountCents: 7_000 });
  });

  it('records a rejection with its note and frees the reserved amount', async () => {
    const { ref, id } = await pendingRequest(9_000);
    await decideCreditRequest(t.db, w.people.madManager, { id, approve: false, note: 'Partial credit only' });
    const { id: disputeId } = await w.row(ref);
    const [request] = await t.db
      .select()
      .from(creditRequests)
      .where(and(eq(creditRequests.disputeId, disputeId), eq(creditRequests.id, id)));
    expect(request).toMatchObject({ status: 'rejected', decisionNote: 'Partial credit only', compensationId: null });
    expect(await compsOf(ref)).toHaveLength(0);
    expect(await eventKinds(ref)).toEqual(['credit_requested', 'credit_rejected']);
    const { version } = await w.row(ref);
    expect(
      await issueCredit(t.db, w.people.madManager, { ref, version, amountCents: 20_000, reason: 'whole amount' }),
    ).toMatchObject({ outcome: 'issued' });
  });

  it('hides another region’s request from a regional manager and forbids reps', async () => {
    const { id } = await pendingRequest(6_000, 'CAT');
    await expect(
      apiError(decideCreditRequest(t.db, w.people.madManager, { id, approve: true, note: null })),
    ).resolves.toBe(`not_found: Credit request #${id} was not found.`);
    await expect(
      apiError(decideCreditRequest(t.db, w.people.repCat, { id, approve: true, note: null })),
    ).resolves.toMatch(/^forbidden/);
    await expect(
      apiError(decideCreditRequest(t.db, w.people.catManager, { id, approve: true, note: null })),
    ).resolves.toBe('resolved');
  });
});
