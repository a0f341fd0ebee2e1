'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import { pivotMonthly } from '@/components/dashboard/pivot';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { useTRPC } from '@/lib/trpc/react';

/** Compensation cost per month for twelve months, stacked by kind. */
export function KindTrendChart({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.compensation.kindMonthly.queryOptions(input));
  const { series, data: rows } = pivotMonthly(data.months, data.rows, {
    keyOf: (r) => r.kind,
    valueOf: (r) => r.totalCents,
    restLabel: (n) => `${n} other ${n === 1 ? 'kind' : 'kinds'}`,
  });
  const columns = [
    { key: 'month', label: 'Month' },
    ...series.map((s) => ({ key: s.key, label: s.label, kind: 'cents' as const })),
  ];
  return (
    <ChartFrame
      title="Compensation cost by kind, monthly"
      description={`${data.months[0] ?? ''} to ${data.months.at(-1) ?? ''}, by month issued`}
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
