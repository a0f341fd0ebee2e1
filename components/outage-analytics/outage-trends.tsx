'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { useTRPC } from '@/lib/trpc/react';

/** Outages per month over the twelve months ending with the period: how many, how fast they were announced. */
export function OutageTrends({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const t = useTranslations('outageAnalytics.trends');
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
        title={t('startedTitle')}
        description={t('startedDescription')}
        columns={[
          { key: 'month', label: t('month') },
          { key: 'count', label: t('outages'), kind: 'count' },
        ]}
        rows={hasData ? rows : []}
      >
        <LazySeriesChart
          kind="bar"
          data={rows}
          xKey="month"
          valueKind="count"
          series={[{ key: 'count', label: t('outages'), color: 'var(--chart-1)' }]}
        />
      </ChartFrame>
      <ChartFrame
        title={t('medianTitle')}
        description={t('medianDescription', { target: targets.communicate })}
        columns={[
          { key: 'month', label: t('month') },
          { key: 'median', label: t('median'), kind: 'minutes' },
          { key: 'target', label: t('target'), kind: 'minutes' },
        ]}
        rows={hasData ? rows : []}
      >
        <LazySeriesChart
          kind="line"
          data={rows}
          xKey="month"
          valueKind="minutes"
          series={[
            { key: 'median', label: t('median'), color: 'var(--chart-1)' },
            { key: 'target', label: t('target'), color: 'var(--chart-3)' },
          ]}
        />
      </ChartFrame>
      <ChartFrame
        title={t('withinTitle')}
        description={t('withinDescription')}
        columns={[
          { key: 'month', label: t('month') },
          { key: 'count', label: t('outages'), kind: 'count' },
          { key: 'withinTarget', label: t('within'), kind: 'rate' },
        ]}
        rows={hasData ? rows : []}
      >
        <LazySeriesChart
          kind="bar"
          data={rows}
          xKey="month"
          valueKind="rate"
          series={[{ key: 'withinTarget', label: t('within'), color: 'var(--chart-2)' }]}
        />
      </ChartFrame>
    </div>
  );
}
