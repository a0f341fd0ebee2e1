import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { createTestDb, type TestDb } from '@/test/db';
import { CUSTOMER_HEADER, errorLines, importLines, seedBase } from '@/test/import-run';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedBase(t.db);
});
afterAll(async () => {
  await t.close();
});

const customers = (...rows: string[]) => importLines(t.db, 'customers', [CUSTOMER_HEADER, ...rows]);

/** Imports and expects exactly one error, returned as `line column value: reason`. */
async function onlyError(promise: ReturnType<typeof importLines>): Promise<string> {
  const report = await promise;
  expect(report.committed).toBe(false);
  expect(report.rowsWritten).toBe(0);
  const lines = errorLines(report);
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

describe('cell formats', () => {
  it('refuses a date that is not YYYY-MM-DD or ISO 8601 with an offset', async () => {
    expect(await onlyError(customers('ACC-9,MAD,03/05/2024,10.00,,,,'))).toMatch(
      /^2 activated_at 03\/05\/2024: not a date; use YYYY-MM-DD/,
    );
    expect(await onlyError(customers('ACC-9,MAD,2024-02-30,10.00,,,,'))).toMatch(
      /^2 activated_at 2024-02-30: not a calendar date/,
    );
    expect(await onlyError(customers('ACC-9,MAD,2024-05-03T16:00:00,10.00,,,,'))).toMatch(/needs a UTC offset/);
  });

  it('refuses money with 3 decimals or a comma separator', async () => {
    expect(await onlyError(customers('ACC-9,MAD,2024-01-01,49.901,,,,'))).toBe(
      '2 monthly_fee 49.901: at most 2 decimal places',
    );
    expect(await onlyError(customers('ACC-9,MAD,2024-01-01,"49,90",,,,'))).toMatch(
      /^2 monthly_fee 49,90: use "\." as the decimal separator/,
    );
  });

  it('refuses a negative monthly fee', async () => {
    expect(await onlyError(customers('ACC-9,MAD,2024-01-01,-1.00,,,,'))).toBe('2 monthly_fee -1.00: must be 0 or more');
  });

  it('refuses a value outside its vocabulary', async () => {
    expect(await onlyError(customers('ACC-9,MAD,2023-01-01,10.00,2024-01-01,angry,,'))).toMatch(
      /^2 churn_category angry: must be one of: competitor, price/,
    );
    const users = importLines(t.db, 'users', ['email,name,role,team', 'x@holdfast.test,X,boss,support']);
    expect(await onlyError(users)).toBe('2 role boss: must be one of: admin, manager, rep, analyst');
  });

  it('refuses a required cell left empty', async () => {
    expect(await onlyError(customers('ACC-9,,2024-01-01,10.00,,,,'))).toBe('2 region_code : required');
  });
});

describe('cross-field rules', () => {
  it('refuses churned_at before activated_at', async () => {
    expect(await onlyError(customers('ACC-9,MAD,2024-02-01,10.00,2024-01-31T23:59:59+01:00,price,,'))).toBe(
      '2 churned_at 2024-01-31T23:59:59+01:00: must not be before activated_at (2024-02-01)',
    );
  });

  it('requires churn_category when churned_at is set', async () => {
    expect(await onlyError(customers('ACC-9,MAD,2024-01-01,10.00,2024-03-01,,,'))).toBe(
      '2 churn_category : required when churned_at is set',
    );
  });

  it('requires resolved_at for a resolved or rejected dispute, not before opened_at', async () => {
    const header = 'dispute_ref,account_number,opened_at,cause,disputed_amount,status,resolved_at';
    const missing = importLines(t.db, 'disputes', [
      header,
      'DS-9,ACC-1,2024-01-10T10:00:00Z,overcharge,12.50,resolved,',
    ]);
    expect(await onlyError(missing)).toBe('2 resolved_at : required when status is resolved');
    const early = importLines(t.db, 'disputes', [
      header,
      'DS-9,ACC-1,2024-01-10T10:00:00Z,overcharge,12.50,rejected,2024-01-10T09:00:00Z',
    ]);
    expect(await onlyError(early)).toMatch(/^2 resolved_at 2024-01-10T09:00:00Z: must not be before opened_at/);
  });

  it('requires closed_at unless a retention case is pending', async () => {
    const header = 'case_ref,account_number,rep,opened_at,reason,offer_type,outcome,mrr_at_risk,closed_at';
    const report = await importLines(t.db, 'retention_cases', [
      header,
      'RC-9,ACC-1,rep.mad@holdfast.test,2024-01-10,price,discount,saved,49.90,',
      'RC-10,ACC-1,rep.mad@holdfast.test,2024-01-10,price,discount,pending,49.90,',
    ]);
    expect(errorLines(report)).toEqual([
      '2 closed_at : required when outcome is saved (only pending cases may be open)',
    ]);
    expect(report).toMatchObject({ committed: false, rowsRead: 2, invalidRows: 1, rowsRejected: 2 });
  });

  it('refuses a disputed amount of 0 and a bill number below 1', async () => {
    const report = await importLines(t.db, 'disputes', [
      'dispute_ref,account_number,opened_at,cause,disputed_amount,status,bill_number',
      'DS-9,ACC-1,2024-01-10T10:00:00Z,overcharge,0.00,open,0',
    ]);
    expect(errorLines(report)).toEqual([
      '2 disputed_amount 0.00: must be greater than 0',
      '2 bill_number 0: must be a whole number >= 1',
    ]);
  });

  it('refuses an outage milestone before started_at', async () => {
    const report = importLines(t.db, 'outages', [
      'outage_ref,title,severity,started_at,region_codes,detected_at,resolved_at',
      'OUT-9,Fibre cut,major,2024-06-11T06:00:00+02:00,MAD,2024-06-11T03:59:00Z,2024-06-11T09:00:00+02:00',
    ]);
    expect(await onlyError(report)).toBe(
      '2 detected_at 2024-06-11T03:59:00Z: must not be before started_at (2024-06-11T06:00:00+02:00)',
    );
  });

  it('requires at least one region for an outage, and its postcodes inside those regions', async () => {
    const header = 'outage_ref,title,severity,started_at,region_codes,postcodes';
    expect(await onlyError(importLines(t.db, 'outages', [header, 'OUT-9,Cut,minor,2024-06-11,,']))).toMatch(
      /^2 region_codes : required/,
    );
    expect(await onlyError(importLines(t.db, 'outages', [header, 'OUT-9,Cut,minor,2024-06-11,MAD,28001;08001']))).toBe(
      '2 postcodes 08001: postcode is in region CAT, which is not among region_codes',
    );
  });
});

describe('references', () => {
  it('reports an unknown region, user or postcode with its column and value', async () => {
    const report = await customers('ACC-9,XXX,2024-01-01,10.00,,,ghost@holdfast.test,99999');
    expect(errorLines(report)).toEqual([
      '2 region_code XXX: unknown region (import regions first)',
      '2 postcode 99999: unknown postcode (import postcodes first)',
      '2 sold_by ghost@holdfast.test: no user with this email (import users first)',
    ]);
  });

  it('reports unknown customers, cases, disputes and outages on a compensation', async () => {
    const report = await importLines(t.db, 'compensations', [
      'comp_ref,account_number,kind,amount,issued_at,retention_case_ref,dispute_ref,outage_ref',
      'CP-9,ACC-404,goodwill,5.00,2024-01-01,RC-404,DS-404,OUT-404',
    ]);
    expect(report.errors.map((e) => `${e.column}=${e.value}`)).toEqual([
      'account_number=ACC-404',
      'retention_case_ref=RC-404',
      'dispute_ref=DS-404',
      'outage_ref=OUT-404',
    ]);
  });

  it('refuses a customer whose postcode lies in another region', async () => {
    expect(await onlyError(customers('ACC-9,MAD,2024-01-01,10.00,,,,08001'))).toBe(
      '2 postcode 08001: postcode is in region CAT, not in region_code MAD',
    );
  });

  it('matches user emails case-insensitively and stores them lower-cased', async () => {
    const report = await importLines(t.db, 'users', ['email,name,role', ' New.Analyst@Holdfast.TEST ,Nora,analyst']);
    expect(report.committed).toBe(true);
    const rows = await queryRows<{ email: string }>(t.db, sql`select email from users where name = 'Nora'`);
    expect(rows.map((r) => r.email)).toEqual(['new.analyst@holdfast.test']);
    expect((await customers('ACC-3,MAD,2024-01-01,10.00,,,NEW.analyst@holdfast.test,')).committed).toBe(true);
  });
});
