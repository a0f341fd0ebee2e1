import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FilterBarLoader } from '@/components/dashboard/filter-bar-loader';
import { FilterError } from '@/components/dashboard/filter-error';
import { OfferCostChart } from '@/components/retention/offer-cost-chart';
import { RepLeaderboard } from '@/components/retention/rep-leaderboard';
import { RepRegionTable } from '@/components/retention/rep-region-table';
import { RetentionSummaryCards } from '@/components/retention/retention-summary-cards';
import { SaveBreakdowns } from '@/components/retention/save-breakdowns';
import { SaveRateTrend } from '@/components/retention/save-rate-trend';
import { VerifiedSaves } from '@/components/retention/verified-saves';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { loadDashboardPage } from '@/server/loaders/dashboard-page';

export const metadata: Metadata = { title: 'Retention' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RetentionPage({ searchParams }: Props) {
  const page = await loadDashboardPage(searchParams);
  if (!page.ok) {
    return (
      <>
        <h1>Retention</h1>
        <FilterError message={page.error} path="/retention" />
      </>
    );
  }
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.retention.breakdowns.queryOptions(page.input));
  void queryClient.prefetchQuery(trpc.dashboard.series.queryOptions(page.input));
  void queryClient.prefetchQuery(trpc.retention.verifiedSaves.queryOptions(page.input));
  void queryClient.prefetchQuery(trpc.retention.byRepRegion.queryOptions(page.input));
  const title = `Retention${page.filters.regionLocked && page.filters.region ? ` — ${page.filters.region}` : ''}`;
  return (
    <HydrateClient>
      <h1>{title}</h1>
      <Suspense fallback={<div className="filters muted">Loading filters…</div>}>
        <FilterBarLoader filters={page.filters} />
      </Suspense>
      <Suspense fallback={<p className="muted">Loading desk figures…</p>}>
        <RetentionSummaryCards input={page.input} linkQuery={page.linkQuery} />
      </Suspense>
      <Suspense fallback={<p className="muted">Loading verified saves…</p>}>
        <VerifiedSaves input={page.input} />
      </Suspense>
      <Suspense fallback={<p className="muted">Loading the save-rate trend…</p>}>
        <SaveRateTrend input={page.input} />
      </Suspense>
      <h2>What saves customers</h2>
      <Suspense fallback={<p className="muted">Loading saves by offer and reason…</p>}>
        <SaveBreakdowns input={page.input} linkQuery={page.linkQuery} />
      </Suspense>
      <h2>What it costs</h2>
      <Suspense fallback={<p className="muted">Loading offer costs…</p>}>
        <OfferCostChart input={page.input} linkQuery={page.linkQuery} />
        <RepLeaderboard input={page.input} linkQuery={page.linkQuery} />
      </Suspense>
      <Suspense fallback={<p className="muted">Loading save rate by rep and region…</p>}>
        <RepRegionTable input={page.input} />
      </Suspense>
    </HydrateClient>
  );
}
