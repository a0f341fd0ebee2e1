'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { useTRPC } from '@/lib/trpc/react';
import { humanize } from '@/lib/format';

const COLUMNS = [
  { key: 'label', label: 'Offer type' },
  { key: 'offerCostCents', label: 'Offer cost', kind: 'cents' as const },
  { key: 'savedMrrCents', label: 'Saved MRR', kind: 'cents' as const },
];

/** What each kind of offer cost against the monthly revenue it kept, for cases closed in the period. */
export function OfferCostChart({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data } = useSuspenseQuery(trpc.retention.breakdowns.queryOptions(input));
  const rows = data.offerMoney.map((o) => ({
    label: humanize(o.offerType),
    offerCostCents: o.offerCostCents,
    savedMrrCents: o.savedMrrCents,
  }));
  const typeByLabel = new Map(data.offerMoney.map((o) => [humanize(o.offerType), o.offerType]));
  return (
    <ChartFrame
      title="Offer cost against saved MRR"
      description="compensations linked to the closed cases (one-off) vs monthly revenue kept by the saves"
      columns={COLUMNS}
      rows={rows}
      currency={data.currency}
    >
      <LazySeriesChart
        kind="bar"
        data={rows}
        xKey="label"
        series={[
          { key: 'offerCostCents', label: 'Offer cost', color: 'var(--chart-2)' },
          { key: 'savedMrrCents', label: 'Saved MRR', color: 'var(--chart-3)' },
        ]}
        valueKind="cents"
        currency={data.currency}
        onSelect={(label) => {
          const offerType = typeByLabel.get(label);
          if (offerType) router.push(drilldownHref('retention-cases', linkQuery, { basis: 'closed', offerType }));
        }}
      />
    </ChartFrame>
  );
}
