import { describe, expect, it } from 'vitest';
import { pivotMonthly, REST_KEY } from './pivot';

const rows = [
  { month: '2024-01', key: 'a', n: 5 },
  { month: '2024-01', key: 'b', n: 3 },
  { month: '2024-02', key: 'c', n: 1 },
  { month: '2024-02', key: 'd', n: 1 },
  { month: '2024-03', key: 'z', n: 9 },
];
const options = {
  keyOf: (r: (typeof rows)[number]) => r.key,
  valueOf: (r: (typeof rows)[number]) => r.n,
  restLabel: (n: number) => `${n} more`,
};

describe('pivotMonthly', () => {
  it('keeps the largest keys, folds the others into rest, and fills empty months with zeros', () => {
    const pivot = pivotMonthly(['2024-01', '2024-02', '2024-03', '2024-04'], rows, {
      ...options,
      colors: ['x', 'y', 'w'],
    });
    expect(pivot.series.map((s) => [s.key, s.label, s.color])).toEqual([
      ['z', 'Z', 'x'],
      ['a', 'A', 'y'],
      ['b', 'B', 'w'],
      [REST_KEY, '2 more', 'var(--muted)'],
    ]);
    expect(pivot.data).toEqual([
      { month: '2024-01', z: 0, a: 5, b: 3, rest: 0 },
      { month: '2024-02', z: 0, a: 0, b: 0, rest: 2 },
      { month: '2024-03', z: 9, a: 0, b: 0, rest: 0 },
      { month: '2024-04', z: 0, a: 0, b: 0, rest: 0 },
    ]);
  });

  it('keeps every key when they fit the colours', () => {
    const pivot = pivotMonthly(['2024-01'], rows.slice(0, 2), { ...options, colors: ['x', 'y'] });
    expect(pivot.series.map((s) => s.key)).toEqual(['a', 'b']);
  });
});
