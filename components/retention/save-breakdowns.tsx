'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { useTRPC } from '@/lib/trpc/react';
import { capitalize, useWords } from '@/components/ui/vocab';
import { SaveBreakdownCharts } from './save-breakdown-charts';

/** Save rate and saves by offer type and by the reason the customer gave. */
export function SaveBreakdowns({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const words = useWords();
  const { data } = useSuspenseQuery(trpc.retention.breakdowns.queryOptions(input));
  return (
    <>
      <SaveBreakdownCharts
        dimension="offer"
        rows={data.figures.byOffer.map((o) => ({
          ...o,
          key: o.offerType,
          label: capitalize(words('offerType', o.offerType)),
          href: drilldownHref('retention-cases', linkQuery, { basis: 'closed', offerType: o.offerType }),
        }))}
      />
      <SaveBreakdownCharts
        dimension="reason"
        rows={data.byReason.map((r) => ({
          ...r,
          key: r.reason,
          label: capitalize(words('churnCategory', r.reason)),
          href: drilldownHref('retention-cases', linkQuery, { basis: 'closed', reason: r.reason }),
        }))}
      />
    </>
  );
}
