import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disputes } from '@/db/schema';
import { QUEUE_PAGE_SIZE } from '@/lib/schemas/queue';
import type { DisputeCause, DisputeStatus } from '@/lib/vocabularies';
import { createCaller } from '@/server/api/root';
import type { SessionUser } from '@/server/auth/session-user';
import { testRows } from '@/test/factories/metric-rows';
import { createTestDb, type TestDb } from '@/test/db';

const HOUR = 3_600_000;
let t: TestDb;
const people: Record<string, SessionUser> = {};

function session(id: number, role: SessionUser['role'], email: string, regionCode: string | null): SessionUser {
  return { id, email, name: email, role, regionCode };
}

let serial = 0;
async function dispute(d: {
  customerId: number;
  assignedToId: number | null;
  hoursAgo: number;
  status?: DisputeStatus;
  cause?: DisputeCause;
  amount?: number;
  billNumber?: number;
}) {
  const openedAt = new Date(Date.now() - d.hoursAgo * HOUR);
  const closed = d.status === 'resolved' || d.status === 'rejected';
  await t.db.insert(disputes).values({
    disputeRef: `DQ-${String(++serial).padStart(4, '0')}`,
    customerId: d.customerId,
    openedAt,
    cause: d.cause ?? 'overcharge',
    disputedAmountCents: d.amount ?? 1_000,
    status: d.status ?? 'open',
    assignedToId: d.assignedToId,
    billNumber: d.billNumber ?? null,
    resolvedAt: closed ? new Date() : null,
  });
}

beforeAll(async () => {
  t = await createTestDb();
  const rows = testRows(t.db);
  for (const code of ['MAD', 'CAT', 'VAL']) await rows.region(code);
  const user = async (key: string, role: SessionUser['role'], region: string | null) => {
    const email = `${key}@q.test`;
    people[key] = session(await rows.user(email, role, region), role, email, region);
    return people[key].id;
  };
  const ana = await user('ana', 'rep', 'MAD');
  const bea = await user('bea', 'rep', 'MAD');
  const carles = await user('carles', 'rep', 'CAT');
  const vera = await user('vera', 'rep', 'VAL');
  await user('boss', 'manager', 'MAD');
  await user('national', 'manager', null);
  await user('numbers', 'analyst', null);
  await user('root', 'admin', null);

  const mad = await rows.customer({ region: 'MAD', activated: '2023-01-01T00:00:00Z' });
  const cat = await rows.customer({ region: 'CAT', activated: '2023-01-01T00:00:00Z' });
  const val = await rows.customer({ region: 'VAL', activated: '2023-01-01T00:00:00Z' });

  // Ana (MAD): four open disputes, one closed, one for a customer in another region.
  await dispute({
    customerId: mad,
    assignedToId: ana,
    hoursAgo: 100,
    amount: 5_000,
    billNumber: 1,
    cause: 'quote_mismatch',
  });
  await dispute({ customerId: mad, assignedToId: ana, hoursAgo: 66, amount: 2_000, billNumber: 2 });
  await dispute({
    customerId: mad,
    assignedToId: ana,
    hoursAgo: 10,
    amount: 30_000,
    status: 'investigating',
    billNumber: 1,
  });
  await dispute({ customerId: mad, assignedToId: ana, hoursAgo: 1, amount: 700 });
  await dispute({ customerId: mad, assignedToId: ana, hoursAgo: 200, status: 'resolved' });
  await dispute({ customerId: cat, assignedToId: ana, hoursAgo: 5 });
  // Bea (MAD): two; one unassigned MAD dispute; Carles (CAT): two.
  await dispute({ customerId: mad, assignedToId: bea, hoursAgo: 80, amount: 9_000 });
  await dispute({ customerId: mad, assignedToId: bea, hoursAgo: 20 });
  await dispute({ customerId: mad, assignedToId: null, hoursAgo: 30, amount: 4_000 });
  await dispute({ customerId: cat, assignedToId: carles, hoursAgo: 75 });
  await dispute({ customerId: cat, assignedToId: carles, hoursAgo: 2, status: 'rejected' });
  // Vera (VAL): more than a page.
  for (let i = 0; i < QUEUE_PAGE_SIZE + 5; i++)
    await dispute({ customerId: val, assignedToId: vera, hoursAgo: 1 + i / 10 });
});
afterAll(async () => {
  await t?.close();
});

const who = (key: string): SessionUser => {
  const user = people[key];
  if (!user) throw new Error(`no test user ${key}`);
  return user;
};
const caller = (key: string | null) => createCaller({ db: t.db, session: key === null ? null : who(key) });
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );

describe('queue.list scope', () => {
  it('gives a rep their own unresolved disputes only, even when the input names someone else', async () => {
    const queue = caller('ana').queue;
    const own = await queue.list({});
    expect(own.total).toBe(5);
    expect(new Set(own.rows.map((r) => r.assigneeEmail))).toEqual(new Set(['ana@q.test']));
    expect(own.rows.every((r) => r.status !== 'resolved')).toBe(true);
    // Includes her dispute on a CAT customer: a rep's queue is what is assigned to them.
    expect(own.rows.map((r) => r.region)).toContain('CAT');

    for (const assignee of ['bea@q.test', 'unassigned', 'carles@q.test']) {
      const asked = await queue.list({ assignee });
      expect(asked.total).toBe(5);
      expect(asked.rows.every((r) => r.assigneeEmail === 'ana@q.test')).toBe(true);
      expect((await queue.counts({ assignee })).total).toBe(5);
    }
  });

  it("gives a regional manager their region's customers, assigned or not", async () => {
    const queue = caller('boss').queue;
    const all = await queue.list({});
    expect(all.total).toBe(7);
    expect(new Set(all.rows.map((r) => r.region))).toEqual(new Set(['MAD']));
    expect(all.rows.filter((r) => r.assigneeEmail === null)).toHaveLength(1);

    const unassigned = await queue.list({ assignee: 'unassigned' });
    expect(unassigned.rows.map((r) => r.assigneeEmail)).toEqual([null]);
    expect((await queue.list({ assignee: 'bea@q.test' })).total).toBe(2);
    expect((await queue.list({ assignee: 'ana@q.test' })).total).toBe(4);
    // A rep of another region holds nothing in this scope.
    expect((await queue.list({ assignee: 'carles@q.test' })).total).toBe(0);
  });

  it('gives a national manager every region', async () => {
    const queue = caller('national').queue;
    expect((await queue.list({})).total).toBe(5 + 2 + 1 + 1 + QUEUE_PAGE_SIZE + 5);
    expect((await queue.list({ assignee: 'carles@q.test' })).total).toBe(1);
  });

  it('keeps analysts, admins and anonymous callers out', async () => {
    expect(await code(caller('numbers').queue.list({}))).toBe('FORBIDDEN');
    expect(await code(caller('root').queue.counts({}))).toBe('FORBIDDEN');
    expect(await code(caller(null).queue.list({}))).toBe('UNAUTHORIZED');
    expect(await code(caller('ana').queue.assignees())).toBe('FORBIDDEN');
  });

  it('still answers the rep home summary', async () => {
    const summary = await caller('ana').queue.mySummary();
    expect(summary.open).toBe(5);
    // 100 h old → breached; 66 h old → due in 6 h.
    expect(summary.breached).toBe(1);
    expect(summary.dueSoon).toBe(1);
  });
});

describe('queue.list filters, order and pages', () => {
  it('returns the version of each row for bulk actions', async () => {
    const { rows } = await caller('boss').queue.list({});
    expect(rows.every((r) => r.version === 1)).toBe(true);
  });

  it('filters by status, cause, first bill and amount', async () => {
    const queue = caller('ana').queue;
    expect((await queue.list({ status: 'investigating' })).rows.map((r) => r.amountCents)).toEqual([30_000]);
    expect((await queue.list({ cause: 'quote_mismatch' })).total).toBe(1);
    expect((await queue.list({ billNumber: 1 })).rows.map((r) => r.amountCents).sort((a, b) => a - b)).toEqual([
      5_000, 30_000,
    ]);
    expect((await queue.list({ minAmountCents: 1_000, maxAmountCents: 5_000 })).total).toBe(3);
    expect(await code(queue.list({ minAmountCents: 5_000, maxAmountCents: 1_000 }))).toBe('BAD_REQUEST');
    // Closed statuses are not part of the queue.
    expect(await code(queue.list({ status: 'resolved' as never }))).toBe('BAD_REQUEST');
  });

  it('orders by SLA due, most urgent first, by default', async () => {
    const { rows, sort, dir } = await caller('ana').queue.list({});
    expect({ sort, dir }).toEqual({ sort: 'due', dir: 'asc' });
    const due = rows.map((r) => r.slaDueAt.getTime());
    expect(due).toEqual([...due].sort((a, b) => a - b));
  });

  it('sorts only by whitelisted columns', async () => {
    const queue = caller('ana').queue;
    const byAmount = await queue.list({ sort: 'amount' });
    expect(byAmount.dir).toBe('desc');
    expect(byAmount.rows.map((r) => r.amountCents)).toEqual([30_000, 5_000, 2_000, 1_000, 700]);
    const asc = await queue.list({ sort: 'amount', dir: 'asc' });
    expect(asc.rows.map((r) => r.amountCents)).toEqual([700, 1_000, 2_000, 5_000, 30_000]);
    expect(await code(queue.list({ sort: 'opened_at; drop table disputes' as never }))).toBe('BAD_REQUEST');
    expect(await code(queue.list({ sort: 'd.assigned_to_id' as never }))).toBe('BAD_REQUEST');
    expect(await code(queue.list({ dir: 'asc nulls first' as never }))).toBe('BAD_REQUEST');
  });

  it('pages by 100 on the server', async () => {
    const queue = caller('vera').queue;
    const first = await queue.list({});
    const second = await queue.list({ page: 2 });
    expect(first.total).toBe(QUEUE_PAGE_SIZE + 5);
    expect(first.rows).toHaveLength(QUEUE_PAGE_SIZE);
    expect(second.rows).toHaveLength(5);
    const refs = new Set([...first.rows, ...second.rows].map((r) => r.ref));
    expect(refs.size).toBe(QUEUE_PAGE_SIZE + 5);
    expect((await queue.list({ page: 3 })).rows).toHaveLength(0);
  });
});

describe('queue.counts', () => {
  it('equals the list total for the same filters, split by SLA state', async () => {
    const cases = [
      ['ana', {}],
      ['ana', { billNumber: 1 }],
      ['ana', { sla: 'breached' as const }],
      ['boss', {}],
      ['boss', { assignee: 'unassigned' }],
      ['boss', { sla: 'due-soon' as const, minAmountCents: 1_500 }],
      ['national', {}],
      ['national', { sla: 'on-track' as const }],
    ] as const;
    for (const [key, filters] of cases) {
      const queue = caller(key).queue;
      const [counts, list] = await Promise.all([queue.counts(filters), queue.list(filters)]);
      expect(counts.total, `${key} ${JSON.stringify(filters)}`).toBe(list.total);
      expect(counts.breached + counts.dueSoon + counts.onTrack).toBe(counts.total);
      if (!('sla' in filters)) {
        const [breached, dueSoon, onTrack] = await Promise.all(
          (['breached', 'due-soon', 'on-track'] as const).map((sla) => queue.list({ ...filters, sla })),
        );
        expect([breached?.total, dueSoon?.total, onTrack?.total]).toEqual([
          counts.breached,
          counts.dueSoon,
          counts.onTrack,
        ]);
      }
    }
  });
});

describe('queue.assignees', () => {
  it("lists a regional manager's active reps, or every rep for a national manager", async () => {
    expect((await caller('boss').queue.assignees()).map((a) => a.email)).toEqual(['ana@q.test', 'bea@q.test']);
    expect((await caller('national').queue.assignees()).map((a) => a.email).sort()).toEqual([
      'ana@q.test',
      'bea@q.test',
      'carles@q.test',
      'vera@q.test',
    ]);
  });
});
