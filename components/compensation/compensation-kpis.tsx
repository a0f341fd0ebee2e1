'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { KpiStrip } from '@/components/dashboard/kpi-strip';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { formatRate } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';

/** The KPI engine's compensation totals for the period, against the previous period. */
export function CompensationKpis({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.compensation.summary.queryOptions(input));
  const { current: k, previous: p } = data;
  const perItem = (total: number, count: number) => (count === 0 ? null : Math.round(total / count));
  const automatic = k.byRep.find((r) => r.key === 'automatic')?.totalCents ?? 0;
  const all = drilldownHref('compensations', linkQuery);
  return (
    <KpiStrip
      label="Compensation figures"
      currency={data.currency}
      items={[
        {
          id: 'total',
          label: 'Compensation cost',
          value: k.totalCents,
          previous: p.totalCents,
          kind: 'cents',
          goodWhen: 'down',
          href: all,
        },
        {
          id: 'count',
          label: 'Compensations issued',
          value: k.count,
          previous: p.count,
          kind: 'count',
          goodWhen: 'down',
          href: all,
        },
        {
          id: 'average',
          label: 'Average compensation',
          value: perItem(k.totalCents, k.count),
          previous: perItem(p.totalCents, p.count),
          kind: 'cents',
          goodWhen: 'down',
        },
        {
          id: 'automatic',
          label: 'Issued automatically',
          value: automatic,
          kind: 'cents',
          href: drilldownHref('compensations', linkQuery, { issuer: 'automatic' }),
          note: `${formatRate(k.totalCents === 0 ? null : automatic / k.totalCents)} of the cost, no issuing rep`,
        },
      ]}
    />
  );
}
