import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { handleExecutor } from './sql-executor';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

// The shape of pg-boss's `locked()` maintenance scripts (archive, drop, expire, migrations).
const LOCKED = `
    BEGIN;
    SET LOCAL lock_timeout = '30s';
    SELECT pg_advisory_xact_lock(4242);
    INSERT INTO executor_probe (lock_timeout) SELECT current_setting('lock_timeout');
    COMMIT;
  `;

describe('the job runner executor', () => {
  it('runs a locked multi-statement script as one transaction on either driver', async () => {
    const executor = handleExecutor(t.db);
    await executor.executeSql('create table executor_probe (lock_timeout text)', []);
    await executor.executeSql(LOCKED, []);
    const inside = await executor.executeSql('select lock_timeout from executor_probe', []);
    expect(inside.rows).toEqual([{ lock_timeout: '30s' }]);
    // The transaction ended: its SET LOCAL is gone and the advisory lock was released.
    const after = await executor.executeSql(
      "select current_setting('lock_timeout') as lock_timeout, pg_try_advisory_lock(4242) as free",
      [],
    );
    expect(after.rows).toEqual([{ lock_timeout: '0', free: true }]);
    await executor.executeSql('select pg_advisory_unlock(4242)', []);
  });

  it('passes parameters on plain statements', async () => {
    const { rows } = await handleExecutor(t.db).executeSql('select $1::int + 1 as n', [41]);
    expect(rows).toEqual([{ n: 42 }]);
  });
});
