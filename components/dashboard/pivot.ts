import type { SeriesDef } from '@/components/charts/series-chart';
import { SERIES_COLORS } from '@/components/charts/series-colors';
import { humanize } from '@/lib/format';

export const REST_KEY = 'rest';

export interface MonthlyPivot {
  series: SeriesDef[];
  data: Record<string, string | number>[];
}

/**
 * Long rows (month, key, value) as one row per month with a column per key, for stacked bars:
 * the keys with the largest totals keep their own series (one per colour, all of them when they
 * fit), the others are summed as `rest`.
 */
export function pivotMonthly<R extends { month: string }>(
  months: readonly string[],
  rows: readonly R[],
  options: {
    keyOf: (row: R) => string;
    valueOf: (row: R) => number;
    restLabel: (count: number) => string;
    /** One colour per kept key; the rest is drawn in the muted colour. */
    colors?: readonly string[];
  },
): MonthlyPivot {
  const { keyOf, valueOf, restLabel, colors = SERIES_COLORS } = options;
  const top = colors.length;
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(keyOf(row), (totals.get(keyOf(row)) ?? 0) + valueOf(row));
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([key]) => key);
  const kept = ranked.slice(0, top);
  const keptSet = new Set(kept);
  const hasRest = kept.length < ranked.length;

  const data = months.map((month) => {
    const entry: Record<string, string | number> = { month };
    for (const key of kept) entry[key] = 0;
    if (hasRest) entry[REST_KEY] = 0;
    return entry;
  });
  const byMonth = new Map(data.map((entry) => [entry.month as string, entry]));
  for (const row of rows) {
    const entry = byMonth.get(row.month);
    if (!entry) continue;
    const column = keptSet.has(keyOf(row)) ? keyOf(row) : REST_KEY;
    entry[column] = Number(entry[column] ?? 0) + valueOf(row);
  }

  const series: SeriesDef[] = kept.map((key, i) => ({
    key,
    label: humanize(key),
    color: colors[i % colors.length] ?? 'var(--chart-1)',
    stackId: 'total',
  }));
  if (hasRest)
    series.push({
      key: REST_KEY,
      label: restLabel(ranked.length - kept.length),
      color: 'var(--muted)',
      stackId: 'total',
    });
  return { series, data };
}
