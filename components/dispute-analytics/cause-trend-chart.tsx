'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { useTRPC } from '@/lib/trpc/react';
import styles from './dispute-analytics.module.css';
import { SERIES_COLORS } from '@/components/charts/series-colors';
import { pivotMonthly, REST_KEY } from '@/components/dashboard/pivot';
import { capitalize, useWords } from '@/components/ui/vocab';

const CAUSE_COLORS = [...SERIES_COLORS, 'var(--cause-7)', 'var(--cause-8)'];

/** Disputes opened per month for twelve months, stacked by cause (the eight most frequent, then the rest). */
export function CauseTrendChart({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const t = useTranslations('disputeAnalytics.trend');
  const words = useWords();
  const { data } = useSuspenseQuery(trpc.disputes.causeMonthly.queryOptions(input));
  const { series: pivoted, data: rows } = pivotMonthly(data.months, data.rows, {
    keyOf: (r) => r.cause,
    valueOf: (r) => r.count,
    restLabel: (count) => t('rest', { count }),
    colors: CAUSE_COLORS,
  });
  const series = pivoted.map((s) =>
    s.key === REST_KEY ? s : { ...s, label: capitalize(words('disputeCause', s.key)) },
  );
  const columns = [{ key: 'month', label: t('month') }, ...series.map((s) => ({ key: s.key, label: s.label }))];
  return (
    <div className={styles.causePalette}>
      <ChartFrame
        title={t('title')}
        description={t('description', { from: data.months[0] ?? '', to: data.months.at(-1) ?? '' })}
        columns={columns}
        rows={series.length === 0 ? [] : rows}
      >
        <LazySeriesChart kind="bar" data={rows} xKey="month" series={series} valueKind="count" height={300} />
      </ChartFrame>
    </div>
  );
}
