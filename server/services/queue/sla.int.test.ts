import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disputes } from '@/db/schema';
import { queueListSchema } from '@/lib/schemas/queue';
import type { SessionUser } from '@/server/auth/session-user';
import { testRows } from '@/test/factories/metric-rows';
import { createTestDb, type TestDb } from '@/test/db';
import { getQueueSummary } from './summary';
import { countQueue, listQueue } from './list';

const SLA_HOURS = 72;
const HOUR = 3_600_000;
const now = new Date('2024-03-10T12:00:00.000Z');
/** Opened so that the deadline falls `offsetMs` after `now`. */
const openedForDue = (offsetMs: number) => new Date(now.getTime() - SLA_HOURS * HOUR + offsetMs);

let t: TestDb;
let rep: SessionUser;
const clock = { slaHours: SLA_HOURS, now };

beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  await rows.region('MAD');
  const id = await rows.user('sla@q.test', 'rep', 'MAD');
  rep = { id, email: 'sla@q.test', name: 'sla', role: 'rep', regionCode: 'MAD' };
  const customerId = await rows.customer({ region: 'MAD', activated: '2023-01-01T00:00:00Z' });
  const boundaries: [string, number][] = [
    ['past', -1_000],
    ['at-due', 0],
    ['just-before-due', 1_000],
    ['at-8h', 8 * HOUR],
    ['just-after-8h', 8 * HOUR + 1_000],
  ];
  for (const [ref, offset] of boundaries) {
    await t.db.insert(disputes).values({
      disputeRef: ref,
      customerId,
      openedAt: openedForDue(offset),
      cause: 'overcharge',
      disputedAmountCents: 1_000,
      status: 'open',
      assignedToId: id,
    });
  }
});
afterAll(async () => {
  await t?.close();
});

describe('SLA states at the boundaries', () => {
  it('is breached exactly at the deadline and due soon up to 8 h before it', async () => {
    const list = await listQueue(t.db, rep, queueListSchema.parse({}), clock);
    const states = Object.fromEntries(list.rows.map((r) => [r.ref, r.slaState]));
    expect(states).toEqual({
      past: 'breached',
      'at-due': 'breached',
      'just-before-due': 'due-soon',
      'at-8h': 'due-soon',
      'just-after-8h': 'on-track',
    });
    const atDue = list.rows.find((r) => r.ref === 'at-due');
    expect(atDue?.slaDueAt.toISOString()).toBe(now.toISOString());
  });

  it('filters and counts with the same boundaries in SQL', async () => {
    const refs = async (sla: 'breached' | 'due-soon' | 'on-track') =>
      (await listQueue(t.db, rep, queueListSchema.parse({ sla }), clock)).rows.map((r) => r.ref).sort();
    expect(await refs('breached')).toEqual(['at-due', 'past']);
    expect(await refs('due-soon')).toEqual(['at-8h', 'just-before-due']);
    expect(await refs('on-track')).toEqual(['just-after-8h']);
    const filters = queueListSchema.parse({});
    expect(await countQueue(t.db, rep, filters, clock)).toEqual({ total: 5, breached: 2, dueSoon: 2, onTrack: 1 });
    expect(await getQueueSummary(t.db, { assigneeId: rep.id, slaHours: SLA_HOURS, now })).toEqual({
      open: 5,
      breached: 2,
      dueSoon: 2,
    });
  });

  it('moves with the clock', async () => {
    const later = { slaHours: SLA_HOURS, now: new Date(now.getTime() + 8 * HOUR) };
    expect(await countQueue(t.db, rep, queueListSchema.parse({}), later)).toEqual({
      total: 5,
      breached: 4,
      dueSoon: 1,
      onTrack: 0,
    });
  });

  it('refuses a sort key outside the whitelist even past the schema', async () => {
    const input = { ...queueListSchema.parse({}), sort: 'opened_at desc; --' as never };
    await expect(listQueue(t.db, rep, input, clock)).rejects.toThrow(/Cannot sort by/);
  });
});
