import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '@/server/http/api-error';
import type { SessionUser } from '@/server/auth/session-user';
import { createTestDb, type TestDb } from '@/test/db';
import { customerWorld } from '@/test/factories/customer-world';
import { loadCustomer360 } from './profile';

let t: TestDb;
let people: Awaited<ReturnType<typeof customerWorld>>['people'];
beforeAll(async () => {
  t = await createTestDb();
  ({ people } = await customerWorld(t.db));
});
afterAll(async () => {
  await t?.close();
});

const now = new Date('2025-01-01T00:00:00Z');
const load = (actor: SessionUser, account: string) => loadCustomer360(t.db, actor, account, now);

async function notFound(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).code).toBe('not_found');
}

describe('customer 360: scope', () => {
  it('reps and regional managers see the customers of their region only, as if others did not exist', async () => {
    await expect(load(people.repMad, 'C-100')).resolves.toMatchObject({ profile: { accountNumber: 'C-100' } });
    await expect(load(people.madManager, 'C-100')).resolves.toBeTruthy();
    await notFound(load(people.repCat, 'C-100'));
    await notFound(load(people.catManager, 'C-100'));
    await notFound(load(people.madManager, 'C-200'));
    await notFound(load(people.repNowhere, 'C-100'));
    await notFound(load(people.admin, 'C-999'));
  });

  it('national managers, analysts and admins see every customer', async () => {
    for (const actor of [people.national, people.analyst, people.admin]) {
      await expect(load(actor, 'C-100')).resolves.toBeTruthy();
      await expect(load(actor, 'C-200')).resolves.toBeTruthy();
    }
  });
});

describe('customer 360: profile and timeline', () => {
  it('shows the profile', async () => {
    const { profile } = await load(people.analyst, 'C-100');
    expect(profile).toMatchObject({
      name: 'María García Pérez',
      regionCode: 'MAD',
      regionName: 'Madrid',
      plan: 'Fibre 600',
      monthlyFeeCents: 4990,
      status: 'churned',
      activatedAt: new Date('2023-01-10T09:00:00Z'),
      churnedAt: new Date('2024-09-01T10:00:00Z'),
      promoEndsAt: new Date('2024-07-01T00:00:00Z'),
      promoMonthlyDiscountCents: 1000,
      soldBy: 'rep.mad',
    });
    const { profile: jordi } = await load(people.analyst, 'C-200');
    expect(jordi.status).toBe('active');
  });

  it('lists every dispute, retention case, compensation and outage that hit the customer, newest first', async () => {
    const { timeline } = await load(people.analyst, 'C-100');
    expect(timeline.map((i) => [i.kind, 'ref' in i ? i.ref : null, i.at.toISOString()])).toEqual([
      ['churn', null, '2024-09-01T10:00:00.000Z'],
      ['retention', 'RC-901', '2024-08-20T09:00:00.000Z'],
      ['outage', 'OUT-905', '2024-06-01T08:00:00.000Z'],
      ['dispute', 'DS-902', '2024-05-01T09:00:00.000Z'],
      ['compensation', 'CP-902', '2024-03-02T08:00:00.000Z'],
      ['outage', 'OUT-901', '2024-03-01T08:00:00.000Z'],
      ['compensation', 'CP-901', '2024-02-03T12:00:00.000Z'],
      ['dispute', 'DS-901', '2024-02-01T09:00:00.000Z'],
      ['signup', null, '2023-01-10T09:00:00.000Z'],
    ]);
    expect(timeline.find((i) => i.kind === 'dispute' && i.ref === 'DS-901')).toMatchObject({
      cause: 'wrong_sim_or_plan',
      status: 'resolved',
      disputedCents: 2500,
      creditedCents: 500,
    });
    expect(timeline.find((i) => i.kind === 'compensation' && i.ref === 'CP-901')).toMatchObject({
      compensationKind: 'dispute_credit',
      amountCents: 500,
      about: { kind: 'dispute', ref: 'DS-901', href: '/disputes/DS-901' },
    });
  });

  it('links each item to its page when the actor may open it there', async () => {
    const hrefs = async (actor: SessionUser) =>
      Object.fromEntries((await load(actor, 'C-100')).timeline.flatMap((i) => ('href' in i ? [[i.ref, i.href]] : [])));
    // A rep opens the disputes assigned to them and their own retention cases; outages have no rep page.
    expect(await hrefs(people.repMad)).toEqual({
      'RC-901': '/retention/mine',
      'OUT-905': null,
      'DS-902': null,
      'OUT-901': null,
      'DS-901': '/disputes/DS-901',
    });
    expect(await hrefs(people.madManager)).toEqual({
      'RC-901': null,
      'OUT-905': '/outages/OUT-905',
      'DS-902': '/disputes/DS-902',
      'OUT-901': '/outages/OUT-901',
      'DS-901': '/disputes/DS-901',
    });
  });
});
