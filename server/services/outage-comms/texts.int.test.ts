import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outageTexts } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import type { SessionUser } from '@/server/auth/session-user';
import { createTestDb, type TestDb } from '@/test/db';
import { outageWorld } from '@/test/factories/outage-world';
import { createOutage } from '../outages/create';

/** An outage's versioned texts: who writes, who reads, what a version keeps. */
let t: TestDb;
let world: Awaited<ReturnType<typeof outageWorld>>;
const api = (user: SessionUser) => createCaller({ db: t.db, session: user }).outageComms;
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );

beforeAll(async () => {
  t = await createTestDb();
  world = await outageWorld(t.db);
});
afterAll(async () => {
  await t?.close();
});

const declare = async (regions: string[], resolved = false) => {
  const { ref } = await createOutage(
    t.db,
    world.people.manager,
    { title: 'Fibre cut', severity: 'major', startedAt: '2026-01-20T10:00', regions, postcodes: [] },
    new Date('2026-01-20T12:00:00Z'),
  );
  if (resolved) {
    await createCaller({ db: t.db, session: world.people.manager }).outageResponse.recordMilestone({
      ref,
      step: 'resolve',
      at: '2026-01-20T12:00',
    });
  }
  return ref;
};

describe('outage texts', () => {
  it('keeps every version with its author; the newest is current; the same body twice adds nothing', async () => {
    const ref = await declare(['MAD']);
    const { madManager, admin } = world.people;
    expect(await api(madManager).saveText({ ref, kind: 'agent_script', body: '  Say sorry.  ' })).toMatchObject({
      created: true,
    });
    expect(await api(admin).saveText({ ref, kind: 'agent_script', body: 'Say sorry; back by 18:00.' })).toMatchObject({
      created: true,
    });
    expect(await api(admin).saveText({ ref, kind: 'agent_script', body: 'Say sorry; back by 18:00.' })).toMatchObject({
      created: false,
    });
    await api(admin).saveText({ ref, kind: 'public_notice', body: 'We are working on it.' });
    const view = await api(world.people.analyst).texts({ ref });
    expect(view.canEdit).toBe(false);
    expect(view.texts.agent_script.map((v) => [v.body, v.author])).toEqual([
      ['Say sorry; back by 18:00.', admin.name],
      ['Say sorry.', madManager.name],
    ]);
    expect(view.texts.public_notice.map((v) => v.body)).toEqual(['We are working on it.']);
    expect(view.texts.sms).toEqual([]);
    const rows = await t.db.select().from(outageTexts);
    expect(rows.filter((r) => r.kind === 'agent_script')).toHaveLength(2);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'outage.text'));
    expect(audit.map((a) => a.entityId)).toEqual([ref, ref, ref]);
  });

  it('lets reps read only the agent script, of their own region’s outages, and change nothing', async () => {
    const mad = await declare(['MAD']);
    const val = await declare(['VAL']);
    await api(world.people.admin).saveText({ ref: mad, kind: 'sms', body: 'SMS text' });
    await api(world.people.admin).saveText({ ref: mad, kind: 'agent_script', body: 'Script' });
    const view = await api(world.people.rep).texts({ ref: mad });
    expect(view.texts.agent_script.map((v) => v.body)).toEqual(['Script']);
    expect(view.texts.sms).toEqual([]);
    expect(view.canEdit).toBe(false);
    expect(await code(api(world.people.rep).texts({ ref: val }))).toBe('NOT_FOUND');
    expect(await code(api(world.people.rep).saveText({ ref: mad, kind: 'agent_script', body: 'x' }))).toBe('FORBIDDEN');
    expect(await code(api(world.people.valManager).saveText({ ref: mad, kind: 'sms', body: 'x' }))).toBe('NOT_FOUND');
  });

  it('refuses an empty text and an SMS over 612 characters, naming the field', async () => {
    const ref = await declare(['MAD']);
    await expect(api(world.people.admin).saveText({ ref, kind: 'sms', body: '   ' })).rejects.toThrow('The text is empty.');
    await expect(api(world.people.admin).saveText({ ref, kind: 'sms', body: 'x'.repeat(613) })).rejects.toThrow(
      'SMS: at most 612 characters (this one has 613).',
    );
    expect(await api(world.people.admin).saveText({ ref, kind: 'agent_script', body: 'x'.repeat(613) })).toMatchObject({
      created: true,
    });
  });

  it('lists the open outages of a rep’s region with their current agent script', async () => {
    const open = await declare(['MAD']);
    const closed = await declare(['MAD'], true);
    await api(world.people.admin).saveText({ ref: open, kind: 'agent_script', body: 'Old' });
    await api(world.people.admin).saveText({ ref: open, kind: 'agent_script', body: 'New' });
    await api(world.people.admin).saveText({ ref: closed, kind: 'agent_script', body: 'Closed' });
    const { outages } = await api(world.people.rep).activeScripts();
    const mine = outages.find((o) => o.ref === open);
    expect(mine?.script?.body).toBe('New');
    expect(mine?.regions).toEqual(['MAD']);
    expect(outages.some((o) => o.ref === closed)).toBe(false);
    expect(outages.every((o) => o.regions.includes('MAD'))).toBe(true);
  });
});
