'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { useTRPC } from '@/lib/trpc/react';
import styles from './dispute-analytics.module.css';
import { SERIES_COLORS } from '@/components/charts/series-colors';
import { pivotMonthly } from '@/components/dashboard/pivot';

const CAUSE_COLORS = [...SERIES_COLORS, 'var(--cause-7)', 'var(--cause-8)'];

/** Disputes opened per month for twelve months, stacked by cause (the eight most frequent, then the rest). */
export function CauseTrendChart({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.disputes.causeMonthly.queryOptions(input));
  const { series, data: rows } = pivotMonthly(data.months, data.rows, {
    keyOf: (r) => r.cause,
    valueOf: (r) => r.count,
    restLabel: (n) => `${n} other ${n === 1 ? 'cause' : 'causes'}`,
    colors: CAUSE_COLORS,
  });
  const columns = [{ key: 'month', label: 'Month' }, ...series.map((s) => ({ key: s.key, label: s.label }))];
  return (
    <div className={styles.causePalette}>
      <ChartFrame
        title="Disputes opened by cause, monthly"
        description={`${data.months[0] ?? ''} to ${data.months.at(-1) ?? ''}, by opening month`}
        columns={columns}
        rows={series.length === 0 ? [] : rows}
      >
        <LazySeriesChart kind="bar" data={rows} xKey="month" series={series} valueKind="count" height={300} />
      </ChartFrame>
    </div>
  );
}
