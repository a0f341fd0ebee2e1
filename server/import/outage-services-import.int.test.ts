import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outages } from '@/db/schema';
import { createTestDb, type TestDb } from '@/test/db';
import { exportBytes, lines, loadUsers } from '@/test/export-run';
import { errorLines, importLines, seedBase } from '@/test/import-run';

/** The outages file's optional `services` column: validated, stored, exported and re-imported unchanged. */
let t: TestDb;
const HEADER = 'outage_ref,title,severity,started_at,region_codes,services,resolved_at';

beforeAll(async () => {
  t = await createTestDb();
  await seedBase(t.db);
});
afterAll(async () => {
  await t?.close();
});

const stored = async () =>
  (
    await t.db.select({ ref: outages.outageRef, services: outages.services }).from(outages).orderBy(outages.outageRef)
  ).map((o) => [o.ref, o.services]);

describe.each(['transaction', 'staged'] as const)('outages.services (%s writer)', (mode) => {
  it('stores the listed services in their vocabulary order; an empty cell is every service', async () => {
    const report = await importLines(
      t.db,
      'outages',
      [
        HEADER,
        `O-${mode}-1,Fibre cut,major,2026-01-10T08:00:00Z,MAD,landline; Internet,2026-01-10T20:00:00Z`,
        `O-${mode}-2,Mast down,minor,2026-01-11T08:00:00Z,CAT,,`,
      ],
      { writeMode: mode },
    );
    expect(report.committed, JSON.stringify(report.errors)).toBe(true);
    expect((await stored()).filter(([ref]) => String(ref).startsWith(`O-${mode}`))).toEqual([
      [`O-${mode}-1`, ['internet', 'landline']],
      [`O-${mode}-2`, null],
    ]);
  });
});

describe('outages.services', () => {
  it('refuses an unknown service, naming row, column and the allowed values', async () => {
    const report = await importLines(t.db, 'outages', [
      HEADER,
      'O-BAD,Fibre cut,major,2026-01-10T08:00:00Z,MAD,internet;fax,',
    ]);
    expect(report.committed).toBe(false);
    expect(errorLines(report)).toEqual([
      '2 services internet;fax: unknown service fax: list one or more of internet, landline, mobile, tv, separated by ";" (empty: every service)',
    ]);
  });

  it('a file without the column keeps the stored services; one with it replaces them', async () => {
    const without = await importLines(t.db, 'outages', [
      'outage_ref,title,severity,started_at,region_codes',
      'O-transaction-1,Fibre cut (renamed),major,2026-01-10T08:00:00Z,MAD',
    ]);
    expect(without.committed, JSON.stringify(without.errors)).toBe(true);
    expect((await stored()).find(([ref]) => ref === 'O-transaction-1')?.[1]).toEqual(['internet', 'landline']);
    const replaced = await importLines(t.db, 'outages', [
      'outage_ref,title,severity,started_at,region_codes,services',
      'O-transaction-1,Fibre cut,major,2026-01-10T08:00:00Z,MAD,mobile',
    ]);
    expect(replaced.committed, JSON.stringify(replaced.errors)).toBe(true);
    expect((await stored()).find(([ref]) => ref === 'O-transaction-1')?.[1]).toEqual(['mobile']);
  });

  it('is exported as the import reads it, and the export re-imports unchanged', async () => {
    const users = await loadUsers(t.db);
    const admin = users.admin;
    if (!admin) throw new Error('no admin');
    const first = lines((await exportBytes(t.db, admin, 'outages')).bytes);
    const header = (first[0] ?? '').split(',');
    const column = header.indexOf('services');
    expect(column).toBeGreaterThan(-1);
    const byRef: Record<string, string> = {};
    for (const line of first.slice(1)) byRef[line.split(',')[0] ?? ''] = line.split(',')[column] ?? '';
    expect(byRef).toMatchObject({ 'O-staged-1': 'internet;landline', 'O-staged-2': '', 'O-transaction-1': 'mobile' });

    const again = await importLines(t.db, 'outages', first);
    expect(again.committed, JSON.stringify(again.errors)).toBe(true);
    expect(lines((await exportBytes(t.db, admin, 'outages')).bytes)).toEqual(first);
  });
});
