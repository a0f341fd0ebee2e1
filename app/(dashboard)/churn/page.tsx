import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ChurnReasonCharts } from '@/components/churn/churn-reason-charts';
import { ChurnSummaryCards } from '@/components/churn/churn-summary-cards';
import { CohortHeatmap } from '@/components/churn/cohort-heatmap';
import { PromoCliffTable } from '@/components/churn/promo-cliff-table';
import { RegionChurnCharts } from '@/components/churn/region-churn-charts';
import { FilterBarLoader } from '@/components/dashboard/filter-bar-loader';
import { FilterError } from '@/components/dashboard/filter-error';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { loadDashboardPage } from '@/server/loaders/dashboard-page';

export const metadata: Metadata = { title: 'Churn' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ChurnPage({ searchParams }: Props) {
  const page = await loadDashboardPage(searchParams);
  if (!page.ok) {
    return (
      <>
        <h1>Churn</h1>
        <FilterError message={page.error} path="/churn" />
      </>
    );
  }
  // Churn ignores the rep filter (docs/metrics.md), so every rep shares one cached query.
  const input = { ...page.input, rep: null };
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.churn.figures.queryOptions(input));
  void queryClient.prefetchQuery(trpc.churn.monthlyByRegion.queryOptions(input));
  void queryClient.prefetchQuery(trpc.churn.cohorts.queryOptions(input));
  void queryClient.prefetchQuery(trpc.churn.promoCliff.queryOptions(input));
  const title = `Churn${page.filters.regionLocked && page.filters.region ? ` — ${page.filters.region}` : ''}`;
  return (
    <HydrateClient>
      <h1>{title}</h1>
      <Suspense fallback={<div className="filters muted">Loading filters…</div>}>
        <FilterBarLoader filters={page.filters} showRep={false} />
      </Suspense>
      <Suspense fallback={<p className="muted">Loading churn figures…</p>}>
        <ChurnSummaryCards input={input} linkQuery={page.linkQuery} />
      </Suspense>
      <h2>
        Monthly churn, last 12 months <span className="muted">(the latest month may still be in progress)</span>
      </h2>
      <Suspense fallback={<p className="muted">Loading monthly churn…</p>}>
        <RegionChurnCharts input={input} />
      </Suspense>
      <h2>Who left in the period, and for whom</h2>
      <Suspense fallback={<p className="muted">Loading churn reasons…</p>}>
        <ChurnReasonCharts input={input} linkQuery={page.linkQuery} />
      </Suspense>
      <h2>Cohorts</h2>
      <Suspense fallback={<p className="muted">Loading cohorts…</p>}>
        <CohortHeatmap input={input} />
      </Suspense>
      <Suspense fallback={<p className="muted">Loading promotions about to end…</p>}>
        <PromoCliffTable input={input} />
      </Suspense>
    </HydrateClient>
  );
}
