import { describe, expect, it } from 'vitest';
import { EXPORT_DATASETS, exportFileName, exportFileSchema, exportUrl } from '@/lib/schemas/exports';
import { IMPORTERS } from '../import/entities';
import { DATASETS } from './datasets';

describe('export datasets', () => {
  it.each(EXPORT_DATASETS)('%s exports exactly the import columns, in the importer’s order', (dataset) => {
    expect(DATASETS[dataset].columns.map((c) => c.name)).toEqual(IMPORTERS[dataset].columns.map((c) => c.name));
  });

  it('marks only the customer’s name and phone as personal', () => {
    const personal = EXPORT_DATASETS.flatMap((d) =>
      DATASETS[d].columns.filter((c) => c.personal).map((c) => `${d}.${c.name}`),
    );
    expect(personal).toEqual(['customers.name', 'customers.phone']);
  });

  it('names the file after the dataset and the filters', () => {
    const filters = { from: '2024-01-01', to: '2024-03-31', region: 'MAD', rep: null };
    expect(exportFileName('disputes', 'csv', filters)).toBe('disputes_2024-01-01_2024-03-31_region-MAD.csv');
    expect(exportFileName('compensations', 'xlsx', { ...filters, region: null, rep: 'ana@t.test' })).toBe(
      'compensations_2024-01-01_2024-03-31_rep-ana@t.test.xlsx',
    );
    expect(exportFileName('outages', 'csv', { ...filters, region: 'a"b/c' })).toBe(
      'outages_2024-01-01_2024-03-31_region-a-b-c.csv',
    );
    expect(exportUrl('disputes', 'xlsx', filters)).toBe(
      '/api/v1/export/disputes.xlsx?from=2024-01-01&to=2024-03-31&region=MAD',
    );
  });

  it('reads <dataset>.<format> from the route', () => {
    expect(exportFileSchema.parse('retention_cases.xlsx')).toEqual({ dataset: 'retention_cases', format: 'xlsx' });
    expect(exportFileSchema.safeParse('users.csv').error?.issues[0]?.message).toMatch(/Unknown dataset "users"/);
    expect(exportFileSchema.safeParse('disputes.pdf').error?.issues[0]?.message).toMatch(/Unknown format "pdf"/);
    expect(exportFileSchema.safeParse('disputes').success).toBe(false);
  });
});
