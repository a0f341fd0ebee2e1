'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { capitalize, useWords } from '@/components/ui/vocab';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { useTRPC } from '@/lib/trpc/react';
import { DrillBarChart } from './drill-bar-chart';

/** Customers who churned in the period, by churn category and by the competitor they left for. */
export function ChurnReasonCharts({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.churn.figures.queryOptions(input));
  const t = useTranslations('churn.reasons');
  const words = useWords();
  return (
    <div className="grid-2">
      <DrillBarChart
        title={t('byCategory')}
        description={t('byCategoryHint')}
        keyLabel={t('category')}
        bars={data.byCategory.map((c) => ({
          key: c.category,
          label: capitalize(words('churnCategory', c.category)),
          count: c.count,
          href: drilldownHref('churned-customers', linkQuery, { category: c.category }),
        }))}
      />
      <DrillBarChart
        title={t('byCompetitor')}
        description={t('byCompetitorHint')}
        keyLabel={t('competitor')}
        bars={data.byCompetitor.map((c) => ({
          key: c.competitor,
          label: c.competitor,
          count: c.count,
          href: drilldownHref('churned-customers', linkQuery, { competitor: c.competitor }),
        }))}
      />
    </div>
  );
}
