import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disputeEvents } from '@/db/schema';
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

const WRITERS = 20;
const MAX_ATTEMPTS = 200;

/**
 * One screen's behaviour: change the dispute with the version it read; on CONFLICT, reload and try
 * again. Returns how many conflicts it met on the way.
 */
async function writeUntilAccepted(
  session: SessionUser,
  ref: string,
  firstVersion: number,
  write: (version: number) => Promise<unknown>,
) {
  const c = createCaller({ db: t.db, session });
  let version = firstVersion;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      await write(version);
      return attempt - 1;
    } catch (error) {
      if (!(error instanceof TRPCError) || error.code !== 'CONFLICT') throw error;
      version = (await c.disputeCase.get({ ref })).version;
    }
  }
  throw new Error(`gave up after ${MAX_ATTEMPTS} conflicts`);
}

describe(`${WRITERS} people changing one dispute at once`, () => {
  it('loses no change: every note is recorded and the version counts them all', async () => {
    const ref = await w.dispute({ status: 'open' });
    const { repA, madManager } = w.people;
    // Everyone read the case at version 1 before anyone saved.
    const conflicts = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => {
        const session = i % 2 === 0 ? repA : madManager;
        const c = createCaller({ db: t.db, session });
        return writeUntilAccepted(session, ref, 1, (version) =>
          c.disputeCase.addNote({ ref, version, note: `note ${i}` }),
        );
      }),
    );

    const row = await w.row(ref);
    expect(row.version).toBe(1 + WRITERS);
    const events = await t.db.select().from(disputeEvents).where(eq(disputeEvents.disputeId, row.id));
    expect(events).toHaveLength(WRITERS);
    expect(new Set(events.map((e) => e.note))).toEqual(new Set(Array.from({ length: WRITERS }, (_, i) => `note ${i}`)));
    expect(await w.trail(ref)).toEqual({ events: WRITERS, audits: WRITERS });
    // All started from version 1, so all but the first must have been refused at least once.
    expect(conflicts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(WRITERS - 1);
  });

  it('lets exactly one of many concurrent transitions from the same version through', async () => {
    const ref = await w.dispute({ status: 'open' });
    const c = createCaller({ db: t.db, session: w.people.repA });
    const outcomes = await Promise.all(
      Array.from({ length: WRITERS }, () =>
        c.disputeCase.transition({ ref, version: 1, to: 'investigating' }).then(
          () => 'OK',
          (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(WRITERS - 1);
    expect(await w.row(ref)).toMatchObject({ status: 'investigating', version: 2 });
    expect(await w.trail(ref)).toEqual({ events: 1, audits: 1 });
  });

  it('keeps concurrent credits within the rep’s limits', async () => {
    const { repB } = w.people;
    const refs = await Promise.all(Array.from({ length: 10 }, () => w.dispute({ undue: true, assignedTo: repB })));
    const c = createCaller({ db: t.db, session: repB });
    // 10 × 4,000 against a monthly limit of 30,000: at most 7 can be issued without approval.
    const results = await Promise.all(
      refs.map((ref) => c.disputeCase.issueCredit({ ref, version: 1, amountCents: 4_000, reason: 'concurrent' })),
    );
    expect(results.filter((r) => r.outcome === 'issued')).toHaveLength(7);
    expect(results.filter((r) => r.outcome === 'pending')).toHaveLength(3);
  });
});
