import { describe, expect, it } from 'vitest';
import type { ImportReport } from '@/lib/schemas/import';
import { formatReport } from './format-report';

const base: ImportReport = {
  entity: 'customers',
  skipInvalid: false,
  committed: false,
  rowsRead: 3,
  rowsWritten: 0,
  rowsInserted: 0,
  rowsUpdated: 0,
  rowsRejected: 3,
  invalidRows: 1,
  errorCount: 2,
  errors: [
    { line: 3, column: 'monthly_fee', value: '4,5', reason: 'use "." as the decimal separator' },
    { line: 4, column: '', value: '', reason: 'this row has 3 fields but the header has 4' },
  ],
  errorsTruncated: false,
  headerError: null,
  csvError: null,
};

describe('formatReport', () => {
  it('prints a summary, then one line per error as line, column, value: reason', () => {
    expect(formatReport(base)).toEqual([
      'customers: 3 rows read, 0 written (0 new, 0 updated), 3 rejected. 1 invalid row, so nothing was written (all or nothing; --skip-invalid writes the valid rows).',
      'line 3, column monthly_fee, value "4,5": use "." as the decimal separator',
      'line 4: this row has 3 fields but the header has 4',
    ]);
  });

  it('says when the list of errors was cut short, and when the header was refused', () => {
    expect(formatReport({ ...base, errorCount: 1500, errorsTruncated: true }).at(-1)).toBe(
      '… and 1498 more errors (only the first 2 are listed).',
    );
    expect(formatReport({ ...base, headerError: 'Header refused: missing required column "monthly_fee".' })).toEqual([
      'customers: Header refused: missing required column "monthly_fee". No row was read; nothing was written.',
    ]);
  });
});
