import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('retention');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RetentionPage({ searchParams }: Props) {
  const page = await loadDashboardPage(searchParams);
  const t = await getTranslations('retention');
  if (!page.ok) {
    return (
      <>
        <h1>{t('title')}</h1>
        <FilterError message={page.error} path="/retention" />
      </>
    );
  }
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.retention.breakdowns.queryOptions(page.input));
  void queryClient.prefetchQuery(trpc.dashboard.series.queryOptions(page.input));
  void queryClient.prefetchQuery(trpc.retention.verifiedSaves.queryOptions(page.input));
  void queryClient.prefetchQuery(trpc.retention.byRepRegion.queryOptions(page.input));
  const title =
    page.filters.regionLocked && page.filters.region ? t('titleRegion', { region: page.filters.region }) : t('title');
  return (
    <HydrateClient>
      <h1>{title}</h1>
      <Suspense fallback={<div className="filters muted">{t('loadingFilters')}</div>}>
        <FilterBarLoader filters={page.filters} />
      </Suspense>
      <Suspense fallback={<p className="muted">{t('loadingDesk')}</p>}>
        <RetentionSummaryCards input={page.input} linkQuery={page.linkQuery} />
      </Suspense>
      <Suspense fallback={<p className="muted">{t('loadingVerified')}</p>}>
        <VerifiedSaves input={page.input} />
      </Suspense>
      <Suspense fallback={<p className="muted">{t('loadingTrend')}</p>}>
        <SaveRateTrend input={page.input} />
      </Suspense>
      <h2>{t('whatSaves')}</h2>
      <Suspense fallback={<p className="muted">{t('loadingSaves')}</p>}>
        <SaveBreakdowns input={page.input} linkQuery={page.linkQuery} />
      </Suspense>
      <h2>{t('whatItCosts')}</h2>
      <Suspense fallback={<p className="muted">{t('loadingCosts')}</p>}>
        <OfferCostChart input={page.input} linkQuery={page.linkQuery} />
        <RepLeaderboard input={page.input} linkQuery={page.linkQuery} />
      </Suspense>
      <Suspense fallback={<p className="muted">{t('loadingRepRegion')}</p>}>
        <RepRegionTable input={page.input} />
      </Suspense>
    </HydrateClient>
  );
}
