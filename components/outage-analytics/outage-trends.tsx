'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { useTRPC } from '@/lib/trpc/react';

/** Outages per month over the twelve months ending with the period: how many, how fast they were announced. */
export function OutageTrends({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const { data: series } = useSuspenseQuery(trpc.dashboard.series.queryOptions(input));
  const { data: targets } = useSuspenseQuery(trpc.outageResponse.targets.queryOptions());
  const rows = series.map((m) => ({
    month: m.month,
    count: m.outages.count,
    median: m.outages.medianMinutesToCommunicate,
    target: targets.communicate,
    withinTarget: m.outages.commWithinTargetRate,
  }));
  const hasData = rows.some((r) => r.count > 0);
  return (
    <div className="grid-2">
      <ChartFrame
        title="Outages started per month"
        description="the twelve months ending with the period"
        columns={[
          { key: 'month', label: 'Month' },
          { key: 'count', label: 'Outages', kind: 'count' },
        ]}
        rows={hasData ? rows : []}
      >
        <LazySeriesChart
          kind="bar"
          data={rows}
          xKey="month"
          valueKind="count"
          series={[{ key: 'count', label: 'Outages', color: 'var(--chart-1)' }]}
        />
      </ChartFrame>
      <ChartFrame
        title="Median minutes to communicate, per month"
        description={`public communication target ${targets.communicate} min`}
        columns={[
          { key: 'month', label: 'Month' },
          { key: 'median', label: 'Median', kind: 'minutes' },
          { key: 'target', label: 'Target', kind: 'minutes' },
        ]}
        rows={hasData ? rows : []}
      >
        <LazySeriesChart
          kind="line"
          data={rows}
          xKey="month"
          valueKind="minutes"
          series={[
            { key: 'median', label: 'Median', color: 'var(--chart-1)' },
            { key: 'target', label: 'Target', color: 'var(--chart-3)' },
          ]}
        />
      </ChartFrame>
      <ChartFrame
        title="Share communicated within target, per month"
        description="an outage never communicated is outside target"
        columns={[
          { key: 'month', label: 'Month' },
          { key: 'count', label: 'Outages', kind: 'count' },
          { key: 'withinTarget', label: 'Within target', kind: 'rate' },
        ]}
        rows={hasData ? rows : []}
      >
        <LazySeriesChart
          kind="bar"
          data={rows}
          xKey="month"
          valueKind="rate"
          series={[{ key: 'withinTarget', label: 'Within target', color: 'var(--chart-2)' }]}
        />
      </ChartFrame>
    </div>
  );
}
