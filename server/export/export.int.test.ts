import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { EXPORT_DATASETS, type ExportDataset } from '@/lib/schemas/exports';
import type { SessionUser } from '@/server/auth/session-user';
import { createTestDb, type TestDb } from '@/test/db';
import { IMPORTERS } from '../import/entities';
import { importCsv } from '../import/import-csv';
import { importFixtureDirectory } from '../import/load-fixture';
import { computeKpis } from '../metrics/kpis';
import { getSettings } from '../services/settings';
import { startExport } from './export-stream';
import { planExport } from './plan';
import { countExportRows } from './query';
import { ALL_TIME, exportBytes, lastExportAudit, lines, loadUsers, TZ } from '@/test/export-run';

let t: TestDb;
let users: Record<string, SessionUser>;

function user(key: string): SessionUser {
  const found = users[key];
  if (!found) throw new Error(`no user ${key}`);
  return found;
}

beforeAll(async () => {
  t = await createTestDb();
  await importFixtureDirectory(t.db, FIXTURE, TZ);
  users = await loadUsers(t.db);
});
afterAll(async () => {
  await t?.close();
});

const FIXTURE = path.join(process.cwd(), 'server/metrics/fixtures/sample');

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error as { code?: string }).code ?? String(error),
  );

describe('exports of the sample fixture', () => {
  it.each(EXPORT_DATASETS)(
    '%s: the import columns as header, one line per row, as many as counted',
    async (dataset) => {
      const { bytes, plan, contentType } = await exportBytes(t.db, user('admin'), dataset);
      expect(contentType).toBe('text/csv; charset=utf-8');
      const [header, ...rows] = lines(bytes);
      expect(header?.split(',')).toEqual(IMPORTERS[dataset].columns.map((c) => c.name));
      const fixtureRows =
        fs
          .readFileSync(path.join(FIXTURE, `${dataset}.csv`), 'utf8')
          .trim()
          .split('\n').length - 1;
      expect(rows).toHaveLength(fixtureRows);
      expect(await countExportRows(t.db, plan)).toBe(fixtureRows);
      expect(plan.fileName).toBe(`${dataset}_1900-01-01_2999-12-31.csv`);
    },
  );

  it('writes values as the importer reads them: instants with their offset, money with two decimals, lists', async () => {
    const period = { from: '2024-03-17', to: '2024-03-17' };
    const outages = lines((await exportBytes(t.db, user('admin'), 'outages', period)).bytes);
    expect(outages[1]).toBe(
      'OUT-1-002,Incidencia 2,critical,2024-03-17T01:40:21+01:00,VAL,,false,,2024-03-17T01:45:02+01:00,2024-03-17T03:34:51+01:00,' +
        '2024-03-17T02:52:50+01:00,2024-03-17T04:10:08+01:00,2024-03-17T04:30:23+01:00,,2024-03-17T21:13:51+01:00',
    );
    const customers = lines(
      (await exportBytes(t.db, user('admin'), 'customers', { from: '2022-08-26', to: '2022-08-26' })).bytes,
    );
    expect(customers).toContain(
      'ACC-1-000000,MAD,2022-08-26T14:56:07+02:00,119.90,Cliente 0,28002,,Plan 119,,,,,rep.mad.billing@holdfast.test,2022-11-24T00:00:00+01:00,10.00',
    );
  });

  it('selects rows per dataset as docs/metrics.md counts them', async () => {
    const settings = await getSettings(t.db);
    const from = '2024-01-01';
    const to = '2024-03-31';
    const kpis = await computeKpis(t.db, { from, to, region: 'MAD', rep: null, settings });
    const count = async (dataset: ExportDataset) =>
      countExportRows(t.db, await planExport(t.db, user('admin'), { dataset, format: 'csv', from, to, region: 'MAD' }));
    expect(await count('customers')).toBe(kpis.churn.activeAtStart + kpis.churn.joined);
    expect(await count('retention_cases')).toBe(kpis.retention.opened);
    expect(await count('disputes')).toBe(kpis.disputes.opened);
    expect(await count('outages')).toBe(kpis.outages.count);
    expect(await count('compensations')).toBe(kpis.compensation.count);

    const byRep = await computeKpis(t.db, { from, to, region: null, rep: 'rep.cat.billing@holdfast.test', settings });
    const plan = await planExport(t.db, user('admin'), {
      dataset: 'disputes',
      format: 'csv',
      from,
      to,
      rep: 'rep.cat.billing@holdfast.test',
    });
    expect(await countExportRows(t.db, plan)).toBe(byRep.disputes.opened);
    expect(plan.fileName).toBe('disputes_2024-01-01_2024-03-31_rep-rep.cat.billing@holdfast.test.csv');
  });

  it('re-imports unchanged: export, import into a fresh database, export again gives the same bytes', async () => {
    const first = new Map<ExportDataset, Buffer>();
    for (const dataset of EXPORT_DATASETS) first.set(dataset, (await exportBytes(t.db, user('admin'), dataset)).bytes);

    const fresh = await createTestDb();
    try {
      for (const entity of ['regions', 'postcodes', 'users'] as const) {
        const report = await importCsv(fresh.db, entity, fs.createReadStream(path.join(FIXTURE, `${entity}.csv`)), {
          skipInvalid: false,
          reportTz: TZ,
        });
        expect(report.committed).toBe(true);
      }
      for (const dataset of EXPORT_DATASETS) {
        const report = await importCsv(fresh.db, dataset, Readable.from([first.get(dataset) ?? Buffer.alloc(0)]), {
          skipInvalid: false,
          reportTz: TZ,
        });
        expect(report.errors, dataset).toEqual([]);
        expect(report.committed).toBe(true);
      }
      const admin = (await loadUsers(fresh.db)).admin;
      if (!admin) throw new Error('no admin in the fresh database');
      for (const dataset of EXPORT_DATASETS) {
        const again = (await exportBytes(fresh.db, admin, dataset)).bytes;
        expect(again.equals(first.get(dataset) ?? Buffer.alloc(0)), `${dataset} differs after a re-import`).toBe(true);
      }
    } finally {
      await fresh.close();
    }
  });
});

describe('who may export what', () => {
  it('refuses reps', async () => {
    const rep = user('rep.mad.billing');
    expect(await rejection(startExport(t.db, rep, { dataset: 'disputes', format: 'csv', ...ALL_TIME }))).toBe(
      'forbidden',
    );
  });

  it('keeps a regional manager to their region', async () => {
    const manager = user('manager.mad');
    expect(
      await rejection(startExport(t.db, manager, { dataset: 'disputes', format: 'csv', ...ALL_TIME, region: 'CAT' })),
    ).toBe('forbidden');

    const { bytes, plan } = await exportBytes(t.db, manager, 'disputes');
    expect(plan.filters.region).toBe('MAD');
    expect(plan.fileName).toBe('disputes_1900-01-01_2999-12-31_region-MAD.csv');
    const accounts = lines(bytes)
      .slice(1)
      .map((line) => line.split(',')[1]);
    const [mad] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from disputes d join customers c on c.id = d.customer_id where c.region_code = 'MAD'`,
    );
    expect(accounts).toHaveLength(mad?.n ?? -1);
    const regions = await queryRows<{ region_code: string }>(
      t.db,
      sql`select distinct region_code from customers where account_number = any(${sql.param(accounts)}::text[])`,
    );
    expect(regions.map((r) => r.region_code)).toEqual(['MAD']);
  });

  it('leaves customer names and phones out of an analyst’s export, and only there', async () => {
    const { bytes, plan } = await exportBytes(t.db, user('analyst'), 'customers');
    const header = lines(bytes)[0]?.split(',');
    expect(header).not.toContain('name');
    expect(header).not.toContain('phone');
    expect(header).toEqual(
      IMPORTERS.customers.columns.map((c) => c.name).filter((n) => n !== 'name' && n !== 'phone'),
    );
    expect(plan.omitted).toEqual(['name', 'phone']);
    expect(bytes.toString('utf8')).not.toContain('Cliente 0');
    expect((await lastExportAudit(t.db))?.details).toMatchObject({ omittedColumns: ['name', 'phone'] });

    const managerHeader = lines((await exportBytes(t.db, user('manager'), 'customers')).bytes)[0]?.split(',');
    expect(managerHeader).toContain('name');
    expect(managerHeader).toContain('phone');
    const disputes = lines((await exportBytes(t.db, user('analyst'), 'disputes')).bytes)[0]?.split(',');
    expect(disputes).toEqual(IMPORTERS.disputes.columns.map((c) => c.name));
  });
});

describe('XLSX', () => {
  it('refuses before streaming when the rows exceed a sheet, offering CSV; never truncates', async () => {
    const before = await lastExportAudit(t.db);
    const refused = startExport(
      t.db,
      user('admin'),
      { dataset: 'outages', format: 'xlsx', ...ALL_TIME },
      { xlsxRowLimit: 29 },
    );
    await expect(refused).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining('/api/v1/export/outages.csv?from=1900-01-01&to=2999-12-31') as unknown,
    });
    await expect(refused).rejects.toThrow(/This export has 30 rows, more than one XLSX sheet holds \(29 data rows\)/);
    expect(await lastExportAudit(t.db)).toEqual(before);
  });

  it('writes one sheet: the import columns, numbers as numbers', async () => {
    const { bytes, contentType, plan } = await exportBytes(t.db, user('admin'), 'disputes', ALL_TIME, 'xlsx', {
      xlsxRowLimit: 1064,
    });
    expect(contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(plan.fileName).toBe('disputes_1900-01-01_2999-12-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('disputes');
    expect(sheet?.rowCount).toBe(1065);
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual(IMPORTERS.disputes.columns.map((c) => c.name));
    const first = (sheet?.getRow(2).values as unknown[]).slice(1);
    expect(first.slice(0, 6)).toEqual([
      'DS-1-000001',
      'ACC-1-000000',
      '2023-12-13T17:55:03+01:00',
      'moving_fee',
      124.19,
      'investigating',
    ]);
    expect(first[7]).toBe(15);
    expect(first[13]).toBe(0);
  });
});
