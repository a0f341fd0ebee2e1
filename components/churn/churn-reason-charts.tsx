'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { humanize } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';
import { DrillBarChart } from './drill-bar-chart';

/** Customers who churned in the period, by churn category and by the competitor they left for. */
export function ChurnReasonCharts({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.churn.figures.queryOptions(input));
  return (
    <div className="grid-2">
      <DrillBarChart
        title="Churned by category"
        description="click a bar for the customers"
        keyLabel="Category"
        bars={data.byCategory.map((c) => ({
          key: c.category,
          label: humanize(c.category),
          count: c.count,
          href: drilldownHref('churned-customers', linkQuery, { category: c.category }),
        }))}
      />
      <DrillBarChart
        title="Churned to a competitor"
        description="customers who named one; click a bar for them"
        keyLabel="Competitor"
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
