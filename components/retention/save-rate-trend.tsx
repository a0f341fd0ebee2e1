'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { useTRPC } from '@/lib/trpc/react';

/** Save rate of each of the 12 months up to the period's end (the KPI engine's monthly series). */
export function SaveRateTrend({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const t = useTranslations('retention.trend');
  const columns = [
    { key: 'month', label: t('month') },
    { key: 'saved', label: t('saved') },
    { key: 'lost', label: t('lost') },
    { key: 'saveRate', label: t('saveRate'), kind: 'rate' as const },
  ];
  const { data } = useSuspenseQuery(trpc.dashboard.series.queryOptions(input));
  const rows = data.map((m) => ({
    month: m.month,
    saved: m.retention.saved,
    lost: m.retention.lost,
    saveRate: m.retention.saveRate,
  }));
  return (
    <ChartFrame title={t('title')} description={t('description')} columns={columns} rows={rows}>
      <LazySeriesChart
        kind="line"
        data={rows}
        xKey="month"
        series={[{ key: 'saveRate', label: t('saveRate'), color: 'var(--chart-3)' }]}
        valueKind="rate"
      />
    </ChartFrame>
  );
}
