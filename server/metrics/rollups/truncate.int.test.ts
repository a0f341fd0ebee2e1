import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { importLines } from '@/test/import-run';
import { computeKpis } from '../kpis';

const SETTINGS = { reportTz: 'Europe/Madrid', disputeSlaHours: 72, commTargetMinutes: 30 };
const QUERY = { from: '2025-03-01', to: '2025-03-31', region: null, rep: null, settings: SETTINGS };

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const steps: [Parameters<typeof importLines>[1], string[]][] = [
    ['regions', ['code,name', 'MAD,Madrid']],
    ['postcodes', ['postcode,region_code', '28001,MAD']],
    ['users', ['email,name,role,region_code,team', 'rep@t.test,Rep,rep,MAD,billing']],
    [
      'customers',
      [
        'account_number,region_code,postcode,activated_at,monthly_fee',
        'ACC-1,MAD,28001,2024-01-10T10:00:00Z,49.90',
        'ACC-2,MAD,28001,2025-03-10T10:00:00Z,29.90',
      ],
    ],
    [
      'compensations',
      [
        'comp_ref,account_number,kind,amount,issued_at,issued_by,retention_case_ref,dispute_ref',
        'CP-1,ACC-1,goodwill,10.00,2025-03-05T10:00:00Z,rep@t.test,,',
      ],
    ],
  ];
  for (const [entity, lines] of steps) expect((await importLines(t.db, entity, lines)).committed).toBe(true);
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe('rollups after a TRUNCATE', () => {
  it('serve the base tables again: the truncated rows are gone from every figure', async () => {
    const before = await computeKpis(t.db, QUERY);
    expect(before.compensation.count).toBe(1);
    expect(before.churn.joined).toBe(1);

    await t.db.execute(sql`truncate compensations cascade`);
    const after = await computeKpis(t.db, QUERY);
    expect(after.compensation).toEqual({ count: 0, totalCents: 0, byKind: [], byRegion: [], byRep: [] });
    expect(after.churn).toEqual(before.churn);

    // Rows written after the TRUNCATE, before anyone read, count too.
    await t.db.execute(sql`truncate customers cascade`);
    await importLines(t.db, 'customers', [
      'account_number,region_code,postcode,activated_at,monthly_fee',
      'ACC-3,MAD,28001,2025-03-20T10:00:00Z,19.90',
    ]);
    const fresh = await computeKpis(t.db, QUERY);
    expect([fresh.churn.activeAtStart, fresh.churn.joined, fresh.churn.activeAtEnd]).toEqual([0, 1, 1]);
  });
});
