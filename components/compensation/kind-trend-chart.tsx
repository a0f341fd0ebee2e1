'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import { pivotMonthly, REST_KEY } from '@/components/dashboard/pivot';
import { capitalize, useWords } from '@/components/ui/vocab';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { useTRPC } from '@/lib/trpc/react';

/** Compensation cost per month for twelve months, stacked by kind. */
export function KindTrendChart({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const t = useTranslations('compensation.trend');
  const words = useWords();
  const { data } = useSuspenseQuery(trpc.compensation.kindMonthly.queryOptions(input));
  const { series: pivoted, data: rows } = pivotMonthly(data.months, data.rows, {
    keyOf: (r) => r.kind,
    valueOf: (r) => r.totalCents,
    restLabel: (count) => t('rest', { count }),
  });
  const series = pivoted.map((s) =>
    s.key === REST_KEY ? s : { ...s, label: capitalize(words('compensationKind', s.key)) },
  );
  const columns = [
    { key: 'month', label: t('month') },
    ...series.map((s) => ({ key: s.key, label: s.label, kind: 'cents' as const })),
  ];
  return (
    <ChartFrame
      title={t('title')}
      description={t('description', { from: data.months[0] ?? '', to: data.months.at(-1) ?? '' })}
      columns={columns}
      rows={series.length === 0 ? [] : rows}
      currency={data.currency}
    >
      <LazySeriesChart
        kind="bar"
        data={rows}
        xKey="month"
        series={series}
        valueKind="cents"
        currency={data.currency}
        height={300}
      />
    </ChartFrame>
  );
}
