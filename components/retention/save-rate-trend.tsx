'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { useTRPC } from '@/lib/trpc/react';

const COLUMNS = [
  { key: 'month', label: 'Month' },
  { key: 'saved', label: 'Saved' },
  { key: 'lost', label: 'Lost' },
  { key: 'saveRate', label: 'Save rate', kind: 'rate' as const },
];

/** Save rate of each of the 12 months up to the period's end (the KPI engine's monthly series). */
export function SaveRateTrend({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.dashboard.series.queryOptions(input));
  const rows = data.map((m) => ({
    month: m.month,
    saved: m.retention.saved,
    lost: m.retention.lost,
    saveRate: m.retention.saveRate,
  }));
  return (
    <ChartFrame
      title="Save rate, last 12 months"
      description="saved ÷ (saved + lost) among cases closed each month"
      columns={COLUMNS}
      rows={rows}
    >
      <LazySeriesChart
        kind="line"
        data={rows}
        xKey="month"
        series={[{ key: 'saveRate', label: 'Save rate', color: 'var(--chart-3)' }]}
        valueKind="rate"
      />
    </ChartFrame>
  );
}
