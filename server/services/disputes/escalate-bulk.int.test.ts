import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retentionCases } from '@/db/schema';
import { ApiError } from '@/server/http/api-error';
import { createTestDb, type TestDb } from '@/test/db';
import { bulkReassign, bulkTransition } from './bulk';
import { escalateToRetention } from './escalate';
import { disputeWorld } from '@/test/factories/dispute-world';

let t: TestDb;
let w: Awaited<ReturnType<typeof disputeWorld>>;
beforeAll(async () => {
  t = await createTestDb();
  w = await disputeWorld(t.db);
  await w.keepRetentionBusy();
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

describe('escalating to retention', () => {
  it('creates a pending retention case linked to the dispute, for the least busy retention rep of the region', async () => {
    const customerId = await w.customer({ fee: 5_990 });
    const ref = await w.dispute({ customerId });
    const result = await escalateToRetention(t.db, w.people.repA, {
      ref,
      version: 1,
      reason: 'billing',
      note: 'Wants to port out',
    });
    expect(result).toMatchObject({ rep: { email: 'free.ret@t.test' }, version: 2 });
    const [created] = await t.db.select().from(retentionCases).where(eq(retentionCases.caseRef, result.caseRef));
    expect(created).toMatchObject({
      customerId,
      repId: w.people.freeRetention.id,
      reason: 'billing',
      offerType: 'none',
      outcome: 'pending',
      mrrAtRiskCents: 5_990,
      closedAt: null,
      escalatedFromDisputeId: (await w.row(ref)).id,
      notes: 'Wants to port out',
    });
    expect(await w.trail(ref)).toEqual({ events: 1, audits: 1 });

    // The customer now has a pending retention case: a second escalation is refused.
    const other = await w.dispute({ customerId });
    await expect(
      apiError(escalateToRetention(t.db, w.people.repA, { ref: other, version: 1, reason: 'price' })),
    ).resolves.toBe(`bad_request: The customer already has a pending retention case, ${result.caseRef}.`);
    expect(await w.trail(other)).toEqual({ events: 0, audits: 0 });
  });

  it('falls back to the actor when the region has no retention rep', async () => {
    const ref = await w.dispute({ region: 'CAT', assignedTo: w.people.repCat });
    const result = await escalateToRetention(t.db, w.people.repCat, { ref, version: 1, reason: 'competitor' });
    expect(result.rep.email).toBe('rep.cat@t.test');
  });

  it('refuses a customer who has already left, and a stale version', async () => {
    const gone = await w.dispute({ customerId: await w.customer({ churned: true }) });
    await expect(
      apiError(escalateToRetention(t.db, w.people.repA, { ref: gone, version: 1, reason: 'price' })),
    ).resolves.toMatch(/already left/);
    const ref = await w.dispute();
    await expect(
      apiError(escalateToRetention(t.db, w.people.repA, { ref, version: 3, reason: 'price' })),
    ).resolves.toMatch(/^conflict/);
  });
});

describe('bulk actions', () => {
  it('reassigns every dispute, recording who had it before', async () => {
    const refs = [await w.dispute(), await w.dispute(), await w.dispute({ assignedTo: null })];
    const result = await bulkReassign(t.db, w.people.madManager, {
      items: refs.map((ref) => ({ ref, version: 1 })),
      assigneeEmail: 'rep.b@t.test',
    });
    expect(result.items).toEqual(refs.map((ref) => ({ ref, version: 2 })));
    for (const ref of refs) expect((await w.row(ref)).assignedToId).toBe(w.people.repB.id);
    expect(await w.trail(refs[0] ?? '')).toEqual({ events: 1, audits: 1 });
    const unassign = await bulkReassign(t.db, w.people.admin, {
      items: [{ ref: refs[0] ?? '', version: 2 }],
      assigneeEmail: null,
    });
    expect(unassign.items).toEqual([{ ref: refs[0], version: 3 }]);
    expect((await w.row(refs[0] ?? '')).assignedToId).toBeNull();
  });

  it('is all or nothing, and names the dispute that failed', async () => {
    const good = await w.dispute();
    const stale = await w.dispute();
    const result = apiError(
      bulkReassign(t.db, w.people.madManager, {
        items: [
          { ref: good, version: 1 },
          { ref: stale, version: 4 },
        ],
        assigneeEmail: 'rep.b@t.test',
      }),
    );
    await expect(result).resolves.toMatch(new RegExp(`^conflict: ${stale}: This dispute was changed by someone else`));
    expect(await w.row(good)).toMatchObject({ assignedToId: w.people.repA.id, version: 1 });
    expect(await w.trail(good)).toEqual({ events: 0, audits: 0 });

    const undue = await w.dispute({ undue: true });
    const outside = await w.dispute({ region: 'CAT', assignedTo: w.people.repCat, undue: true });
    await expect(
      apiError(
        bulkTransition(t.db, w.people.madManager, {
          items: [
            { ref: undue, version: 1 },
            { ref: outside, version: 1 },
          ],
          to: 'awaiting_recalculation',
        }),
      ),
    ).resolves.toBe(`not_found: Dispute ${outside} was not found; nothing was changed.`);
    expect(await w.row(undue)).toMatchObject({ status: 'investigating', version: 1 });
    expect(await w.trail(undue)).toEqual({ events: 0, audits: 0 });
  });

  it('checks scope for every item first: out-of-scope refs answer exactly like missing ones, and nothing is written', async () => {
    const mine = await w.dispute({ undue: true });
    const stale = await w.dispute({ undue: true });
    const outside = await w.dispute({ region: 'CAT', assignedTo: w.people.repCat, undue: true });
    // The stale item comes first: the scope answer still wins, so the order reveals nothing either.
    const items = [
      { ref: stale, version: 9 },
      { ref: mine, version: 1 },
      { ref: outside, version: 1 },
      { ref: 'DS-NOPE', version: 1 },
    ];
    await expect(
      apiError(bulkTransition(t.db, w.people.madManager, { items, to: 'awaiting_recalculation' })),
    ).resolves.toBe(`not_found: Disputes ${outside}, DS-NOPE were not found; nothing was changed.`);
    await expect(
      apiError(bulkReassign(t.db, w.people.madManager, { items, assigneeEmail: 'rep.b@t.test' })),
    ).resolves.toBe(`not_found: Disputes ${outside}, DS-NOPE were not found; nothing was changed.`);
    for (const ref of [mine, stale, outside]) {
      expect(await w.row(ref)).toMatchObject({ status: 'investigating', version: 1 });
      expect(await w.trail(ref)).toEqual({ events: 0, audits: 0 });
    }
    // A national manager sees both regions: the same request now gets as far as the stale version.
    await expect(
      apiError(
        bulkTransition(t.db, w.people.nationalManager, { items: items.slice(0, 3), to: 'awaiting_recalculation' }),
      ),
    ).resolves.toMatch(new RegExp(`^conflict: ${stale}: `));
  });

  it('only hands disputes to an active rep, of the manager’s region', async () => {
    const ref = await w.dispute();
    const items = [{ ref, version: 1 }];
    await expect(
      apiError(bulkReassign(t.db, w.people.madManager, { items, assigneeEmail: 'leaver@t.test' })),
    ).resolves.toBe('bad_request: leaver@t.test is not an active rep.');
    await expect(
      apiError(bulkReassign(t.db, w.people.madManager, { items, assigneeEmail: 'numbers@t.test' })),
    ).resolves.toMatch(/not an active rep/);
    await expect(
      apiError(bulkReassign(t.db, w.people.madManager, { items, assigneeEmail: 'rep.cat@t.test' })),
    ).resolves.toBe('bad_request: rep.cat@t.test works outside your region (MAD).');
    await expect(
      apiError(bulkReassign(t.db, w.people.repA, { items, assigneeEmail: 'rep.b@t.test' })),
    ).resolves.toMatch(/^forbidden/);
    await expect(
      apiError(bulkReassign(t.db, w.people.nationalManager, { items, assigneeEmail: 'rep.cat@t.test' })),
    ).resolves.toBe('resolved');
  });

  it('moves every dispute by the same rules as one at a time', async () => {
    const a = await w.dispute({ undue: true });
    const b = await w.dispute({ undue: false });
    const result = await bulkTransition(t.db, w.people.madManager, {
      items: [
        { ref: a, version: 1 },
        { ref: b, version: 1 },
      ],
      to: 'rejected',
    }).then(
      () => 'resolved',
      (e: unknown) => (e instanceof ApiError ? e.message : String(e)),
    );
    expect(result).toBe(`${a}: The charge was found undue: resolve the dispute instead of rejecting it.`);
    expect((await w.row(b)).status).toBe('investigating');

    await bulkTransition(t.db, w.people.madManager, { items: [{ ref: b, version: 1 }], to: 'rejected' });
    expect(await w.row(b)).toMatchObject({ status: 'rejected', version: 2 });
    expect((await w.row(b)).resolvedAt).toBeInstanceOf(Date);
    await bulkTransition(t.db, w.people.madManager, { items: [{ ref: b, version: 2 }], to: 'investigating' });
    expect(await w.row(b)).toMatchObject({ status: 'investigating', resolvedAt: null, version: 3 });
  });
});
