import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outages } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import type { SessionUser } from '@/server/auth/session-user';
import { createTestDb, type TestDb } from '@/test/db';
import { putSetting } from '../settings';
import { createOutage } from './create';
import { recordMilestone } from './milestones';
import { outageWorld } from '@/test/factories/outage-world';

/** Declaring an outage and recording its milestones: validation, times in the report zone, audit, access. */
let t: TestDb;
let world: Awaited<ReturnType<typeof outageWorld>>;
const api = (user: SessionUser | null) => createCaller({ db: t.db, session: user }).outageResponse;
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );
const message = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
const audit = (ref: string) => t.db.select().from(auditLog).where(eq(auditLog.entityId, ref)).orderBy(auditLog.id);
const row = async (ref: string) => (await t.db.select().from(outages).where(eq(outages.outageRef, ref)))[0];

// Madrid is UTC+1 in winter: 10:00 local is 09:00Z.
const NOW = new Date('2026-01-20T12:00:00Z');

beforeAll(async () => {
  t = await createTestDb();
  world = await outageWorld(t.db);
  await putSetting(t.db, 'reportTz', 'Europe/Madrid');
});
afterAll(async () => {
  await t?.close();
});

describe('declaring an outage', () => {
  it('reads the start in the report time zone and writes the audit log with it', async () => {
    const { ref } = await createOutage(
      t.db,
      world.people.manager,
      {
        title: 'Fibre cut',
        severity: 'major',
        startedAt: '2026-01-20T10:00',
        regions: ['MAD'],
        postcodes: ['28001', '28002'],
      },
      NOW,
    );
    expect(ref).toMatch(/^OUT-/);
    expect((await row(ref))?.startedAt).toEqual(new Date('2026-01-20T09:00:00Z'));
    const [entry] = await audit(ref);
    expect(entry).toMatchObject({
      actorId: world.people.manager.id,
      action: 'outage.declare',
      entity: 'outage',
      details: { regions: ['MAD'], postcodes: ['28001', '28002'], startedAt: '2026-01-20T09:00:00.000Z' },
    });
  });

  it('refuses postcodes outside the chosen regions, unknown ones, unknown regions and a future start', async () => {
    const base = { title: 'Cabinet failure', severity: 'minor' as const, regions: ['MAD'] };
    expect(
      await message(createOutage(t.db, world.people.manager, { ...base, postcodes: ['28001', '46001'] }, NOW)),
    ).toBe('Postcodes must belong to the chosen regions (MAD): 46001 is in VAL.');
    expect(await message(createOutage(t.db, world.people.manager, { ...base, postcodes: ['99999'] }, NOW))).toBe(
      'Unknown postcode: 99999.',
    );
    expect(
      await message(createOutage(t.db, world.people.manager, { ...base, regions: ['XXX'], postcodes: [] }, NOW)),
    ).toBe('Unknown region: XXX.');
    expect(
      await message(
        createOutage(t.db, world.people.manager, { ...base, postcodes: [], startedAt: '2026-01-20T14:00' }, NOW),
      ),
    ).toContain('is in the future');
    // Both regions chosen: a Valencia postcode is fine.
    await expect(
      createOutage(
        t.db,
        world.people.manager,
        { ...base, regions: ['MAD', 'VAL'], postcodes: ['28001', '46001'] },
        NOW,
      ),
    ).resolves.toMatchObject({ ref: expect.stringMatching(/^OUT-/) as string });
  });

  it('a regional manager declares outages in their own region only', async () => {
    const input = { title: 'Node failure', severity: 'major' as const, postcodes: [] };
    expect(await code(api(world.people.madManager).create({ ...input, regions: ['VAL'] }))).toBe('FORBIDDEN');
    expect(await code(api(world.people.madManager).create({ ...input, regions: ['MAD', 'VAL'] }))).toBe('FORBIDDEN');
    expect(await code(api(world.people.madManager).create({ ...input, regions: ['MAD'] }))).toBe('resolved');
  });

  it('validates the input', async () => {
    const input = { title: 'x', severity: 'major' as const, regions: ['MAD'] };
    expect(await code(api(world.people.manager).create(input))).toBe('BAD_REQUEST');
    expect(await code(api(world.people.manager).create({ ...input, title: 'Long enough', regions: [] }))).toBe(
      'BAD_REQUEST',
    );
    expect(
      await code(api(world.people.manager).create({ ...input, title: 'Long enough', startedAt: '2026-02-30T10:00' })),
    ).toBe('BAD_REQUEST');
  });
});

describe('recording milestones', () => {
  let ref = '';
  beforeAll(async () => {
    ({ ref } = await createOutage(
      t.db,
      world.people.manager,
      {
        title: 'Aggregation router failure',
        severity: 'critical',
        startedAt: '2026-01-20T10:00',
        regions: ['MAD'],
        postcodes: [],
      },
      NOW,
    ));
  });

  it('records now with one click, or an exact time in the report time zone', async () => {
    const now = new Date('2026-01-20T09:20:00Z');
    expect(await recordMilestone(t.db, world.people.manager, { ref, step: 'communicate' }, now)).toMatchObject({
      at: '2026-01-20T09:20:00.000Z',
      previous: null,
    });
    await recordMilestone(t.db, world.people.manager, { ref, step: 'detect', at: '2026-01-20T10:05' }, NOW);
    expect(await row(ref)).toMatchObject({
      publicCommAt: now,
      detectedAt: new Date('2026-01-20T09:05:00Z'),
      smsSentAt: null,
    });
  });

  it('refuses a milestone before the start, with a clear message, and changes nothing', async () => {
    const before = await audit(ref);
    expect(
      await message(recordMilestone(t.db, world.people.manager, { ref, step: 'sms', at: '2026-01-20T09:59' }, NOW)),
    ).toBe(
      'SMS to affected customers cannot be before the outage started: 20 Jan 2026, 09:59 is earlier than the start, ' +
        '20 Jan 2026, 10:00 (Europe/Madrid).',
    );
    expect(await code(api(world.people.manager).recordMilestone({ ref, step: 'ivr', at: '2026-01-20T09:00' }))).toBe(
      'BAD_REQUEST',
    );
    expect((await row(ref))?.smsSentAt).toBeNull();
    expect(await audit(ref)).toHaveLength(before.length);
  });

  it('a second "now" is refused (a double click must not move it); an exact time corrects it', async () => {
    expect(await code(api(world.people.manager).recordMilestone({ ref, step: 'communicate' }))).toBe('CONFLICT');
    await recordMilestone(t.db, world.people.manager, { ref, step: 'communicate', at: '2026-01-20T10:15' }, NOW);
    expect((await row(ref))?.publicCommAt).toEqual(new Date('2026-01-20T09:15:00Z'));
    const entries = await audit(ref);
    expect(entries.map((e) => e.action)).toEqual([
      'outage.declare',
      'outage.milestone',
      'outage.milestone',
      'outage.milestone',
    ]);
    expect(entries.at(-1)).toMatchObject({
      actorId: world.people.manager.id,
      details: { step: 'communicate', from: '2026-01-20T09:20:00.000Z', to: '2026-01-20T09:15:00.000Z' },
    });
  });

  it('refuses a time in the future', async () => {
    expect(
      await message(recordMilestone(t.db, world.people.manager, { ref, step: 'resolve', at: '2026-01-20T14:00' }, NOW)),
    ).toContain('is in the future');
  });

  it('the page shows every step, the targets from the settings and the history', async () => {
    await putSetting(t.db, 'milestoneTargetMinutes', { detect: 10, ivr: 40, sms: 50, brief: 55, resolve: 180 });
    await putSetting(t.db, 'commTargetMinutes', 20);
    const page = await api(world.people.analyst).get({ ref });
    expect(page).toMatchObject({
      steps: { detect: '2026-01-20T09:05:00.000Z', communicate: '2026-01-20T09:15:00.000Z', sms: null, resolve: null },
      targets: { detect: 10, communicate: 20, ivr: 40, sms: 50, brief: 55, resolve: 180 },
      canManage: false,
      canForce: false,
    });
    expect(page.history).toHaveLength(4);
    expect(await api(world.people.analyst).targets()).toEqual(page.targets);
  });
});

describe('access', () => {
  let ref = '';
  beforeAll(async () => {
    ({ ref } = await createOutage(
      t.db,
      world.people.manager,
      { title: 'Valencia storm', severity: 'major', startedAt: '2026-01-20T08:00', regions: ['VAL'], postcodes: [] },
      NOW,
    ));
    await recordMilestone(t.db, world.people.manager, { ref, step: 'resolve', at: '2026-01-20T11:00' }, NOW);
  });

  it('reps and analysts cannot declare, record or compensate', async () => {
    for (const user of [world.people.rep, world.people.analyst]) {
      const caller = api(user);
      expect(await code(caller.create({ title: 'Not mine', severity: 'minor', regions: ['MAD'] }))).toBe('FORBIDDEN');
      expect(await code(caller.recordMilestone({ ref, step: 'sms' }))).toBe('FORBIDDEN');
      expect(await code(caller.compensateAll({ ref }))).toBe('FORBIDDEN');
      expect(await code(caller.formOptions())).toBe('FORBIDDEN');
    }
    expect(await code(api(world.people.rep).get({ ref }))).toBe('FORBIDDEN');
    expect(await code(api(world.people.analyst).get({ ref }))).toBe('resolved');
    expect(await code(api(null).get({ ref }))).toBe('UNAUTHORIZED');
  });

  it('a regional manager cannot see or manage another region’s outage; its own region’s, yes', async () => {
    expect(await code(api(world.people.madManager).get({ ref }))).toBe('NOT_FOUND');
    expect(await code(api(world.people.madManager).recordMilestone({ ref, step: 'sms' }))).toBe('NOT_FOUND');
    expect(await code(api(world.people.madManager).compensateAll({ ref }))).toBe('NOT_FOUND');
    expect(await code(api(world.people.valManager).recordMilestone({ ref, step: 'sms' }))).toBe('resolved');
    expect(await code(api(world.people.valManager).compensateAll({ ref }))).toBe('resolved');
  });

  it('an unknown outage is NOT_FOUND', async () => {
    expect(await code(api(world.people.manager).get({ ref: 'OUT-NOPE' }))).toBe('NOT_FOUND');
  });
});
