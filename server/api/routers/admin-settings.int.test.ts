import { TRPCError } from '@trpc/server';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { auditLog, disputes, settings } from '@/db/schema';
import type { Role } from '@/lib/vocabularies';
import { createCaller } from '@/server/api/root';
import type { SessionUser } from '@/server/auth/session-user';
import { testRows } from '@/test/factories/metric-rows';
import { defaultSettings, getSettings } from '@/server/services/settings';
import { createTestDb, type TestDb } from '@/test/db';

let t: TestDb;
const people = {} as Record<Role, SessionUser>;
let openedAt = new Date();

beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  await rows.region('MAD');
  for (const role of ['admin', 'manager', 'rep', 'analyst'] as const) {
    const email = `${role}@s.test`;
    people[role] = { id: await rows.user(email, role, 'MAD'), email, name: role, role, regionCode: 'MAD' };
  }
  const customerId = await rows.customer({ region: 'MAD', activated: '2023-01-01T00:00:00Z' });
  openedAt = new Date(Date.now() - 10 * 3_600_000);
  await t.db.insert(disputes).values({
    disputeRef: 'DS-SLA',
    customerId,
    openedAt,
    cause: 'overcharge',
    disputedAmountCents: 1_000,
    status: 'open',
    assignedToId: people.rep.id,
  });
});
afterAll(async () => {
  await t?.close();
});

const caller = (user: SessionUser | null) => createCaller({ db: t.db, session: user });
const asAdmin = () => caller(people.admin).adminSettings;

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const fieldErrors = error.cause instanceof ZodError ? error.cause.flatten().fieldErrors : {};
    return { code: error.code, message: error.message, fieldErrors };
  }
  throw new Error('expected a refusal');
}

const settingAudits = () =>
  t.db
    .select({ action: auditLog.action, actorId: auditLog.actorId, key: auditLog.entityId, details: auditLog.details })
    .from(auditLog)
    .where(eq(auditLog.entity, 'setting'))
    .orderBy(asc(auditLog.id));

describe('admin settings: who may', () => {
  it('refuses every procedure to non-admins and to nobody', async () => {
    for (const role of ['manager', 'rep', 'analyst'] as const) {
      const api = caller(people[role]).adminSettings;
      expect((await refusal(api.get())).code).toBe('FORBIDDEN');
      expect((await refusal(api.update({ disputeSlaHours: 1 }))).code).toBe('FORBIDDEN');
      expect((await refusal(api.reset({ key: 'disputeSlaHours' }))).code).toBe('FORBIDDEN');
    }
    expect((await refusal(caller(null).adminSettings.get())).code).toBe('UNAUTHORIZED');
    expect(await t.db.select().from(settings)).toEqual([]);
  });
});

describe('admin settings: validation', () => {
  it('refuses bad values with a message for each field, writing nothing', async () => {
    const refused = await refusal(
      asAdmin().update({
        disputeSlaHours: 0,
        currency: 'EURO',
        reportTz: 'Mars/Olympus_Mons',
        repCreditLimitPerCaseCents: 12.5,
        outageCompMultiplier: 0.5,
        maxUploadBytes: 10,
      }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.fieldErrors).toMatchObject({
      disputeSlaHours: ['At least 1 hour.'],
      currency: ['A three-letter ISO 4217 code, such as EUR.'],
      reportTz: ['An IANA time zone, such as Europe/Madrid.'],
      repCreditLimitPerCaseCents: ['Whole cents only.'],
      outageCompMultiplier: ['At least 1: the policy can raise the legal minimum, never lower it.'],
      maxUploadBytes: ['At least 1,048,576 bytes.'],
    });
    expect(await settingAudits()).toEqual([]);
  });

  it('refuses demoData and unknown keys, bare offsets as zones, and malformed overrides', async () => {
    const demo = await refusal(asAdmin().update({ demoData: true } as never));
    expect(demo.code).toBe('BAD_REQUEST');
    expect((await refusal(asAdmin().update({ reportTz: '+01:00' }))).fieldErrors).toMatchObject({
      reportTz: ['An IANA time zone, such as Europe/Madrid.'],
    });
    const both = await refusal(
      asAdmin().update({
        creditLimitOverrides: [{ team: 'billing', userId: people.rep.id, perCaseCents: 1, perMonthCents: 1 }],
      }),
    );
    expect(both.fieldErrors).toMatchObject({ creditLimitOverrides: ['An override is for one team or one user.'] });
    const twice = await refusal(
      asAdmin().update({
        creditLimitOverrides: [
          { team: 'billing', perCaseCents: 1, perMonthCents: 1 },
          { team: 'billing', perCaseCents: 2, perMonthCents: 2 },
        ],
      }),
    );
    expect(twice.fieldErrors).toMatchObject({
      creditLimitOverrides: ['A team or user has two overrides; keep one.'],
    });
  });

  it('refuses an override for someone who is not a rep, and an idle timeout above the stored session length', async () => {
    const manager = await refusal(
      asAdmin().update({
        creditLimitOverrides: [{ userId: people.manager.id, perCaseCents: 1_000, perMonthCents: 2_000 }],
      }),
    );
    expect(manager).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Credit-limit overrides: manager@s.test is a manager; only reps have credit limits.',
    });
    // Alone in the patch, the idle timeout is checked against the stored 12 hours.
    const idle = await refusal(asAdmin().update({ sessionIdleMinutes: 1_000 }));
    expect(idle.message).toMatch(/^The idle timeout cannot be longer than the absolute session length/);
    // Both in one patch: the schema sees it, beside the field.
    const pair = await refusal(asAdmin().update({ sessionIdleMinutes: 200, sessionAbsoluteHours: 3 }));
    expect(pair.fieldErrors).toMatchObject({
      sessionIdleMinutes: ['The idle timeout cannot be longer than the absolute session length.'],
    });
    expect(await settingAudits()).toEqual([]);
  });
});

describe('admin settings: changes', () => {
  it('stores what changed with one audit row old → new per key, and the next request uses it', async () => {
    const before = await caller(people.rep).queue.list({});
    expect(before.rows[0]?.slaDueAt).toEqual(new Date(openedAt.getTime() + 72 * 3_600_000));

    const result = await asAdmin().update({
      disputeSlaHours: 8,
      currency: 'gbp',
      reportTz: 'America/New_York',
      milestoneTargetMinutes: { detect: 10, ivr: 40, sms: 50, brief: 55, resolve: 200 },
      // Already the value in force: neither stored nor audited.
      commTargetMinutes: defaultSettings().commTargetMinutes,
    });
    expect(result.changed).toEqual(['disputeSlaHours', 'milestoneTargetMinutes', 'currency', 'reportTz']);
    expect(await settingAudits()).toEqual([
      { action: 'settings.update', actorId: people.admin.id, key: 'disputeSlaHours', details: { from: 72, to: 8 } },
      {
        action: 'settings.update',
        actorId: people.admin.id,
        key: 'milestoneTargetMinutes',
        details: {
          from: { detect: 15, ivr: 45, sms: 60, brief: 60, resolve: 240 },
          to: { detect: 10, ivr: 40, sms: 50, brief: 55, resolve: 200 },
        },
      },
      { action: 'settings.update', actorId: people.admin.id, key: 'currency', details: { from: 'EUR', to: 'GBP' } },
      {
        action: 'settings.update',
        actorId: people.admin.id,
        key: 'reportTz',
        details: { from: 'Europe/Madrid', to: 'America/New_York' },
      },
    ]);

    const after = await caller(people.rep).queue.list({});
    expect(after.rows[0]).toMatchObject({
      slaDueAt: new Date(openedAt.getTime() + 8 * 3_600_000),
      slaState: 'breached',
    });
    const view = await asAdmin().get();
    expect(view.values).toMatchObject({ disputeSlaHours: 8, currency: 'GBP', reportTz: 'America/New_York' });
    expect(view.defaults).toMatchObject({ disputeSlaHours: 72, currency: 'EUR', reportTz: 'Europe/Madrid' });
    expect(view.changed.map((c) => c.key).sort()).toEqual(
      ['currency', 'disputeSlaHours', 'milestoneTargetMinutes', 'reportTz'].sort(),
    );
    expect(view.changed.every((c) => c.updatedBy === 'admin@s.test')).toBe(true);
    expect(view.reps.map((r) => r.email)).toEqual(['rep@s.test']);

    // Saving the same values again changes nothing.
    expect((await asAdmin().update({ disputeSlaHours: 8, currency: 'GBP' })).changed).toEqual([]);
    expect(await settingAudits()).toHaveLength(4);
  });

  it('puts a key back to its default with an audit row, and does nothing for a key at its default', async () => {
    expect(await asAdmin().reset({ key: 'disputeSlaHours' })).toEqual({ changed: true });
    expect((await getSettings(t.db)).disputeSlaHours).toBe(72);
    expect(
      await t.db
        .select()
        .from(settings)
        .where(and(eq(settings.key, 'disputeSlaHours'))),
    ).toEqual([]);
    const audits = await settingAudits();
    expect(audits.at(-1)).toEqual({
      action: 'settings.reset',
      actorId: people.admin.id,
      key: 'disputeSlaHours',
      details: { from: 8, to: 72 },
    });
    expect(await asAdmin().reset({ key: 'disputeSlaHours' })).toEqual({ changed: false });
    expect(await settingAudits()).toHaveLength(audits.length);
    const due = (await caller(people.rep).queue.list({})).rows[0]?.slaDueAt;
    expect(due).toEqual(new Date(openedAt.getTime() + 72 * 3_600_000));
  });

  it('refuses to reset a key to a default that contradicts another stored setting', async () => {
    await asAdmin().update({ sessionAbsoluteHours: 720, sessionIdleMinutes: 1_440 });
    await asAdmin().update({ sessionAbsoluteHours: 24 });
    // Resetting the absolute length (12 h) would leave a 24 h idle timeout above it.
    const refused = await refusal(asAdmin().reset({ key: 'sessionAbsoluteHours' }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect((await getSettings(t.db)).sessionAbsoluteHours).toBe(24);
  });
});
