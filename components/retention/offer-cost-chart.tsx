'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { useTRPC } from '@/lib/trpc/react';
import { capitalize, useWords } from '@/components/ui/vocab';

/** What each kind of offer cost against the monthly revenue it kept, for cases closed in the period. */
export function OfferCostChart({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useTranslations('retention.offerCost');
  const words = useWords();
  const columns = [
    { key: 'label', label: t('offerType') },
    { key: 'offerCostCents', label: t('offerCost'), kind: 'cents' as const },
    { key: 'savedMrrCents', label: t('savedMrr'), kind: 'cents' as const },
  ];
  const { data } = useSuspenseQuery(trpc.retention.breakdowns.queryOptions(input));
  const rows = data.offerMoney.map((o) => ({
    label: capitalize(words('offerType', o.offerType)),
    offerCostCents: o.offerCostCents,
    savedMrrCents: o.savedMrrCents,
  }));
  const typeByLabel = new Map(data.offerMoney.map((o) => [capitalize(words('offerType', o.offerType)), o.offerType]));
  return (
    <ChartFrame
      title={t('title')}
      description={t('description')}
      columns={columns}
      rows={rows}
      currency={data.currency}
    >
      <LazySeriesChart
        kind="bar"
        data={rows}
        xKey="label"
        series={[
          { key: 'offerCostCents', label: t('offerCost'), color: 'var(--chart-2)' },
          { key: 'savedMrrCents', label: t('savedMrr'), color: 'var(--chart-3)' },
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
