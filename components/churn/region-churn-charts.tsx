'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { useTRPC } from '@/lib/trpc/react';

const PALETTE = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6'];

interface RegionMonth {
  month: string;
  region: string;
  churnRate: number | null;
  revenueChurnRate: number | null;
}

/** One row per month with one column per region, as the line chart and its table want it. */
function pivot(rows: readonly RegionMonth[], value: 'churnRate' | 'revenueChurnRate') {
  const months = new Map<string, Record<string, string | number | null>>();
  for (const row of rows) {
    const month = months.get(row.month) ?? { month: row.month };
    month[row.region] = row[value];
    months.set(row.month, month);
  }
  return [...months.values()];
}

/**
 * Monthly churn rate and revenue churn rate, one line per region, 12 months to the period's end
 * (the latest month may still be in progress).
 */
export function RegionChurnCharts({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.churn.monthlyByRegion.queryOptions(input));
  const { data: options } = useSuspenseQuery(trpc.dashboard.filterOptions.queryOptions());
  const names = new Map(options.regions.map((r) => [r.code, r.name]));
  const codes = [...new Set(data.map((r) => r.region))];
  const series = codes.map((code, i) => ({
    key: code,
    label: names.get(code) ?? code,
    color: `var(${PALETTE[i % PALETTE.length] ?? '--chart-1'})`,
  }));
  const columns = [
    { key: 'month', label: 'Month' },
    ...series.map((s) => ({ key: s.key, label: s.label, kind: 'rate' as const })),
  ];
  const scope = series.length === 1 ? ` — ${series[0]?.label ?? ''}` : ' by region';
  const charts = [
    {
      value: 'churnRate' as const,
      title: `Monthly churn rate${scope}`,
      description: 'churned ÷ active at month start',
    },
    {
      value: 'revenueChurnRate' as const,
      title: `Monthly revenue churn rate${scope}`,
      description: 'fees churned ÷ fees at month start',
    },
  ];
  return (
    <div className="grid-2">
      {charts.map((chart) => {
        const rows = pivot(data, chart.value);
        return (
          <ChartFrame
            key={chart.value}
            title={chart.title}
            description={chart.description}
            columns={columns}
            rows={rows}
          >
            <LazySeriesChart kind="line" data={rows} xKey="month" series={series} valueKind="rate" />
          </ChartFrame>
        );
      })}
    </div>
  );
}
