import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { FilterBarLoader } from '@/components/dashboard/filter-bar-loader';
import { FilterError } from '@/components/dashboard/filter-error';
import { BacklogAgeingChart } from '@/components/dispute-analytics/backlog-ageing-chart';
import { CauseTable } from '@/components/dispute-analytics/cause-table';
import { CauseTrendChart } from '@/components/dispute-analytics/cause-trend-chart';
import { DisputeKpis } from '@/components/dispute-analytics/dispute-kpis';
import { DisputeRepTable } from '@/components/dispute-analytics/rep-table';
import { FirstBillSellerTable } from '@/components/dispute-analytics/seller-table';
import styles from '@/components/dispute-analytics/dispute-analytics.module.css';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { loadDashboardPage } from '@/server/loaders/dashboard-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('disputeAnalytics');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const loading = (text: string) => <p className="muted">{text}</p>;

export default async function DisputesPage({ searchParams }: Props) {
  const page = await loadDashboardPage(searchParams);
  const t = await getTranslations('disputeAnalytics');
  if (!page.ok) {
    return (
      <>
        <h1>{t('title')}</h1>
        <FilterError message={page.error} path="/disputes" />
      </>
    );
  }
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.disputes.summary.queryOptions(page.input));
  void queryClient.prefetchQuery(trpc.disputes.causeMonthly.queryOptions(page.input));
  void queryClient.prefetchQuery(trpc.disputes.backlogAgeing.queryOptions(page.input));
  void queryClient.prefetchQuery(trpc.disputes.byRep.queryOptions(page.input));
  void queryClient.prefetchQuery(trpc.disputes.firstBillBySeller.queryOptions(page.input));
  const { input, linkQuery } = page;
  return (
    <HydrateClient>
      <h1>{t('title')}</h1>
      <Suspense fallback={<div className="filters muted">{t('loadingFilters')}</div>}>
        <FilterBarLoader filters={page.filters} />
      </Suspense>
      <Suspense fallback={loading(t('loading.figures'))}>
        <DisputeKpis input={input} linkQuery={linkQuery} />
      </Suspense>
      <Suspense fallback={loading(t('loading.trend'))}>
        <CauseTrendChart input={input} />
      </Suspense>
      <div className="grid-2">
        <Suspense fallback={loading(t('loading.causes'))}>
          <CauseTable input={input} linkQuery={linkQuery} />
        </Suspense>
        <Suspense fallback={loading(t('loading.backlog'))}>
          <BacklogAgeingChart input={input} linkQuery={linkQuery} />
        </Suspense>
      </div>
      <h2 className={styles.heading}>{t('byRepHeading')}</h2>
      <Suspense fallback={loading(t('loading.reps'))}>
        <DisputeRepTable input={input} linkQuery={linkQuery} />
      </Suspense>
      <h2 className={styles.heading}>{t('sellersHeading')}</h2>
      <Suspense fallback={loading(t('loading.sellers'))}>
        <FirstBillSellerTable input={input} linkQuery={linkQuery} />
      </Suspense>
    </HydrateClient>
  );
}
