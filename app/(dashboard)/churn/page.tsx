import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('churn');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ChurnPage({ searchParams }: Props) {
  const page = await loadDashboardPage(searchParams);
  const t = await getTranslations('churn');
  if (!page.ok) {
    return (
      <>
        <h1>{t('title')}</h1>
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
  const title =
    page.filters.regionLocked && page.filters.region ? t('titleRegion', { region: page.filters.region }) : t('title');
  return (
    <HydrateClient>
      <h1>{title}</h1>
      <Suspense fallback={<div className="filters muted">{t('loadingFilters')}</div>}>
        <FilterBarLoader filters={page.filters} showRep={false} />
      </Suspense>
      <Suspense fallback={<p className="muted">{t('loadingFigures')}</p>}>
        <ChurnSummaryCards input={input} linkQuery={page.linkQuery} />
      </Suspense>
      <h2>
        {t('monthly')} <span className="muted">{t('monthlyNote')}</span>
      </h2>
      <Suspense fallback={<p className="muted">{t('loadingMonthly')}</p>}>
        <RegionChurnCharts input={input} />
      </Suspense>
      <h2>{t('whoLeft')}</h2>
      <Suspense fallback={<p className="muted">{t('loadingReasons')}</p>}>
        <ChurnReasonCharts input={input} linkQuery={page.linkQuery} />
      </Suspense>
      <h2>{t('cohorts')}</h2>
      <Suspense fallback={<p className="muted">{t('loadingCohorts')}</p>}>
        <CohortHeatmap input={input} />
      </Suspense>
      <Suspense fallback={<p className="muted">{t('loadingPromo')}</p>}>
        <PromoCliffTable input={input} />
      </Suspense>
    </HydrateClient>
  );
}
