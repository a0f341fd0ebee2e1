import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compensations } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import { createTestDb, type TestDb } from '@/test/db';
import { getSettings } from '../settings';
import { getDisputeCase } from './case';
import { issueCredit } from './credit';
import { decideCreditRequest } from './credit-requests';
import { effectiveCreditLimits, repCreditLimits } from './credit-limits';
import { disputeWorld } from '@/test/factories/dispute-world';

let t: TestDb;
let w: Awaited<ReturnType<typeof disputeWorld>>;

beforeAll(async () => {
  t = await createTestDb();
  w = await disputeWorld(t.db);
  const { admin, repB } = w.people;
  // Set through the admin screen's procedure, as an admin would: the default, the billing team, one rep.
  await createCaller({ db: t.db, session: admin }).adminSettings.update({
    repCreditLimitPerCaseCents: 5_000,
    repCreditLimitPerMonthCents: 30_000,
    creditLimitOverrides: [
      { team: 'billing', perCaseCents: 10_000, perMonthCents: 60_000 },
      { userId: repB.id, perCaseCents: 2_000, perMonthCents: 60_000 },
    ],
  });
});
afterAll(async () => {
  await t?.close();
});

describe('credit limits per team and per user', () => {
  it('gives a rep their own override, else their team’s, else the default', async () => {
    const settings = await getSettings(t.db);
    const { repA, repB, freeRetention } = w.people;
    expect(await repCreditLimits(t.db, repA.id, settings)).toEqual({
      perCaseCents: 10_000,
      perMonthCents: 60_000,
      source: 'team',
    });
    expect(await repCreditLimits(t.db, repB.id, settings)).toEqual({
      perCaseCents: 2_000,
      perMonthCents: 60_000,
      source: 'user',
    });
    expect(await repCreditLimits(t.db, freeRetention.id, settings)).toEqual({
      perCaseCents: 5_000,
      perMonthCents: 30_000,
      source: 'default',
    });
    // A user override wins even when listed after their team's.
    expect(
      effectiveCreditLimits(
        {
          ...settings,
          creditLimitOverrides: [
            { team: 'billing', perCaseCents: 1, perMonthCents: 1 },
            { userId: 7, perCaseCents: 2, perMonthCents: 2 },
          ],
        },
        { userId: 7, team: 'billing' },
      ),
    ).toMatchObject({ perCaseCents: 2, source: 'user' });
  });

  it('lets a billing rep credit above the default within the team override, at once', async () => {
    const ref = await w.dispute({ undue: true, amount: 20_000 });
    const view = await getDisputeCase(t.db, w.people.repA, { ref });
    expect(view.creditAllowance).toMatchObject({ perCaseLeftCents: 10_000, withoutApprovalCents: 10_000 });
    expect(view.settings).toMatchObject({ repCreditLimitPerCaseCents: 10_000, repCreditLimitPerMonthCents: 60_000 });
    expect(
      await issueCredit(t.db, w.people.repA, { ref, version: 1, amountCents: 8_000, reason: 'fee' }),
    ).toMatchObject({
      outcome: 'issued',
      amountCents: 8_000,
    });
  });

  it('holds a rep to their own lower override over the team’s, and a manager approves above it', async () => {
    const { repB, madManager } = w.people;
    const ref = await w.dispute({ undue: true, amount: 20_000, assignedTo: repB });
    const view = await getDisputeCase(t.db, repB, { ref });
    expect(view.creditAllowance).toMatchObject({ perCaseLeftCents: 2_000, withoutApprovalCents: 2_000 });

    const pending = await issueCredit(t.db, repB, { ref, version: 1, amountCents: 3_000, reason: 'roaming' });
    expect(pending).toMatchObject({ outcome: 'pending', limit: 'case' });
    if (pending.outcome !== 'pending') throw new Error('expected a pending request');
    const { id } = await w.row(ref);
    expect(await t.db.select().from(compensations).where(eq(compensations.disputeId, id))).toEqual([]);

    await decideCreditRequest(t.db, madManager, { id: pending.requestId, approve: true, note: null });
    expect(await t.db.select().from(compensations).where(eq(compensations.disputeId, id))).toMatchObject([
      { kind: 'dispute_credit', amountCents: 3_000 },
    ]);
    // Within the override, on another case, the same rep needs no approval.
    const other = await w.dispute({ undue: true, amount: 20_000, assignedTo: repB });
    expect(await issueCredit(t.db, repB, { ref: other, version: 1, amountCents: 1_500, reason: 'rest' })).toMatchObject(
      { outcome: 'issued' },
    );
  });

  it('keeps the default for a rep of a team without an override', async () => {
    const { freeRetention } = w.people;
    const ref = await w.dispute({ undue: true, amount: 20_000, assignedTo: freeRetention });
    expect(await issueCredit(t.db, freeRetention, { ref, version: 1, amountCents: 6_000, reason: 'x' })).toMatchObject({
      outcome: 'pending',
      limit: 'case',
    });
  });

  it('applies a changed override on the next request', async () => {
    const { admin, repA } = w.people;
    const settings = await getSettings(t.db);
    await createCaller({ db: t.db, session: admin }).adminSettings.update({
      creditLimitOverrides: settings.creditLimitOverrides.filter((o) => o.team !== 'billing'),
    });
    const ref = await w.dispute({ undue: true, amount: 20_000 });
    expect(await issueCredit(t.db, repA, { ref, version: 1, amountCents: 6_000, reason: 'x' })).toMatchObject({
      outcome: 'pending',
      limit: 'case',
    });
  });
});
