import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session-user';
import { createTestDb, type TestDb } from '@/test/db';
import { customerWorld } from '@/test/factories/customer-world';
import { globalSearch } from './global-search';

let t: TestDb;
let people: Awaited<ReturnType<typeof customerWorld>>['people'];
beforeAll(async () => {
  t = await createTestDb();
  ({ people } = await customerWorld(t.db));
});
afterAll(async () => {
  await t?.close();
});

const search = (actor: SessionUser, q: string) => globalSearch(t.db, actor, { q });

describe('global search', () => {
  it('finds a customer by account number, exact or by its start, ignoring case', async () => {
    const found = await search(people.repMad, 'c-100');
    expect(found.customers).toEqual([
      {
        accountNumber: 'C-100',
        name: 'María García Pérez',
        regionCode: 'MAD',
        churned: true,
        href: '/customers/C-100',
      },
    ]);
    expect((await search(people.admin, 'C-')).customers.map((c) => c.accountNumber)).toEqual(['C-100', 'C-200']);
  });

  it('finds a customer by any part of the name, ignoring case and accents', async () => {
    for (const q of ['garcia', 'GARCÍA', 'ría gar', 'perez']) {
      expect((await search(people.madManager, q)).customers.map((c) => c.accountNumber)).toEqual(['C-100']);
    }
  });

  it('takes % and _ literally', async () => {
    expect((await search(people.admin, '%%%')).customers).toEqual([]);
    expect((await search(people.admin, 'C_1')).customers).toEqual([]);
  });

  it('finds disputes by reference: to its page when the actor may open it, else to the customer', async () => {
    expect((await search(people.madManager, 'DS-902')).disputes).toEqual([
      { ref: 'DS-902', accountNumber: 'C-100', status: 'investigating', cause: 'roaming', href: '/disputes/DS-902' },
    ]);
    // Assigned to another rep of the region: the rep reaches it through the customer's page.
    expect((await search(people.repMad, 'ds-902')).disputes.map((d) => d.href)).toEqual(['/customers/C-100#DS-902']);
    expect((await search(people.repMad, 'DS-901')).disputes.map((d) => d.href)).toEqual(['/disputes/DS-901']);
  });

  it('finds retention cases by reference', async () => {
    expect((await search(people.repMad, 'RC-901')).retentionCases).toEqual([
      { ref: 'RC-901', accountNumber: 'C-100', outcome: 'churned', href: '/retention/mine' },
    ]);
    expect((await search(people.analyst, 'rc-9')).retentionCases.map((r) => r.href)).toEqual([
      '/customers/C-100#RC-901',
    ]);
  });

  it('finds outages by reference, those of the region for a regional manager, none for reps', async () => {
    expect((await search(people.admin, 'OUT-90')).outages.map((o) => o.ref).sort()).toEqual([
      'OUT-901',
      'OUT-902',
      'OUT-903',
      'OUT-904',
      'OUT-905',
      'OUT-906',
    ]);
    expect((await search(people.catManager, 'OUT-90')).outages.map((o) => o.ref)).toEqual(['OUT-903']);
    expect((await search(people.madManager, 'out-901')).outages).toEqual([
      { ref: 'OUT-901', title: 'Outage OUT-901', severity: 'major', href: '/outages/OUT-901' },
    ]);
    expect((await search(people.repMad, 'OUT-901')).outages).toEqual([]);
  });

  it('never shows anything out of scope', async () => {
    for (const q of ['C-100', 'garcia', 'DS-901', 'DS-902', 'RC-901']) {
      const found = await search(people.repCat, q);
      expect([...found.customers, ...found.disputes, ...found.retentionCases]).toEqual([]);
      const elsewhere = await search(people.catManager, q);
      expect([...elsewhere.customers, ...elsewhere.disputes, ...elsewhere.retentionCases]).toEqual([]);
    }
    expect((await search(people.madManager, 'C-200')).customers).toEqual([]);
    expect((await search(people.madManager, 'DS-903')).disputes).toEqual([]);
    const nowhere = await search(people.repNowhere, 'C-1');
    expect(nowhere.customers).toEqual([]);
  });
});

describe('phone search', () => {
  it('matches any run of 4 or more digits of the phone, however typed, within the caller’s scope', async () => {
    await t.db.update(customers).set({ phone: '+34612345678' }).where(eq(customers.accountNumber, 'C-100'));
    await t.db.update(customers).set({ phone: '+34934561234' }).where(eq(customers.accountNumber, 'C-200'));
    for (const q of ['612 345 678', '+34-612', '(612) 34', '5678']) {
      expect((await search(people.madManager, q)).customers.map((c) => c.accountNumber)).toEqual(['C-100']);
    }
    // Both numbers hold "3456"; the Madrid manager sees only Madrid's customer.
    expect((await search(people.admin, '3456')).customers.map((c) => c.accountNumber).sort()).toEqual(['C-100', 'C-200']);
    expect((await search(people.madManager, '3456')).customers.map((c) => c.accountNumber)).toEqual(['C-100']);
    // Fewer than 4 digits, or letters among them, is not a phone search.
    expect((await search(people.admin, '612')).customers).toEqual([]);
    expect((await search(people.admin, '612 abc')).customers).toEqual([]);
  });
});
