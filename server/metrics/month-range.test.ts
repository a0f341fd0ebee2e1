import { describe, expect, it } from 'vitest';
import { trailingMonths } from './month-range';

describe('trailingMonths', () => {
  it('ends with the month of the date and crosses year boundaries', () => {
    expect(trailingMonths('2024-03-31', 12)).toEqual({ fromMonth: '2023-04', toMonth: '2024-03' });
    expect(trailingMonths('2024-01-01', 1)).toEqual({ fromMonth: '2024-01', toMonth: '2024-01' });
    expect(trailingMonths('2024-12-15', 12)).toEqual({ fromMonth: '2024-01', toMonth: '2024-12' });
  });
});
