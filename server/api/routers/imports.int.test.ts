import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@/lib/vocabularies';
import { createCaller } from '@/server/api/root';
import type { SessionUser } from '@/server/auth/session-user';
import { executeImportRun, openImportRun } from '@/server/import/import-run';
import { csv, TZ } from '@/test/import-run';
import { testRows } from '@/test/factories/metric-rows';
import { createTestDb, type TestDb } from '@/test/db';

let t: TestDb;
let adminId = 0;
let runId = 0;

beforeAll(async () => {
  t = await createTestDb();
  adminId = await testRows(t.db).user('ada@i.test', 'admin', null);
  const run = await openImportRun(t.db, {
    entity: 'regions',
    fileName: 'regions.csv',
    skipInvalid: true,
    startedById: adminId,
  });
  await executeImportRun(t.db, run, csv('code,name', 'MAD,Madrid', ',Nowhere'), { reportTz: TZ });
  runId = run.id;
});
afterAll(async () => {
  await t?.close();
});

const as = (role: Role): SessionUser => ({ id: adminId, email: `${role}@i.test`, name: role, role, regionCode: null });
const imports = (user: SessionUser | null) => createCaller({ db: t.db, session: user }).imports;
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );

describe('imports router', () => {
  it('is for admins only', async () => {
    for (const role of ['manager', 'analyst', 'rep'] as const) {
      expect(await code(imports(as(role)).runs())).toBe('FORBIDDEN');
      expect(await code(imports(as(role)).run({ id: runId }))).toBe('FORBIDDEN');
      expect(await code(imports(as(role)).entities())).toBe('FORBIDDEN');
    }
    expect(await code(imports(null).runs())).toBe('UNAUTHORIZED');
  });

  it('lists the history and returns one run with its report', async () => {
    const { runs, timezone } = await imports(as('admin')).runs();
    expect(timezone).toBe(TZ);
    expect(runs).toEqual([
      expect.objectContaining({
        id: runId,
        entity: 'regions',
        fileName: 'regions.csv',
        status: 'committed',
        rowsRead: 2,
        rowsWritten: 1,
        rowsRejected: 1,
        hasRejects: true,
        startedByName: 'ada@i.test',
      }),
    ]);
    const { run } = await imports(as('admin')).run({ id: runId });
    expect(run.report).toMatchObject({ committed: true, invalidRows: 1, errors: [{ line: 3, column: 'code' }] });
    expect(await code(imports(as('admin')).run({ id: runId + 100 }))).toBe('NOT_FOUND');
  });

  it('gives each entity its columns in the import order', async () => {
    const entities = await imports(as('admin')).entities();
    expect(entities.map((e) => e.entity)).toEqual([
      'regions',
      'postcodes',
      'users',
      'customers',
      'customer_services',
      'bills',
      'retention_cases',
      'disputes',
      'outages',
      'compensations',
      'service_orders',
      'engineer_appointments',
    ]);
    expect(entities.find((e) => e.entity === 'customers')?.required).toEqual([
      'account_number',
      'region_code',
      'activated_at',
      'monthly_fee',
    ]);
  });
});
