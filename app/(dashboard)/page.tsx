import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { FilterBarLoader } from '@/components/dashboard/filter-bar-loader';
import { FilterError } from '@/components/dashboard/filter-error';
import { KpiCards } from '@/components/dashboard/kpi-cards';
import { KpiTrendTable } from '@/components/dashboard/kpi-trend-table';
import { MoversList } from '@/components/dashboard/movers-list';
import { OverviewSnapshotCards } from '@/components/home/overview-snapshot-cards';
import { QueueSummaryCard } from '@/components/home/queue-summary-card';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireUser } from '@/server/auth/guards';
import { loadDashboardPage } from '@/server/loaders/dashboard-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard.overview');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: Props) {
  const user = await requireUser();
  const queryClient = getQueryClient();
  const t = await getTranslations('dashboard.overview');
  if (user.role === 'rep') {
    void queryClient.prefetchQuery(trpc.queue.mySummary.queryOptions());
    return (
      <HydrateClient>
        <h1>{t('myWork')}</h1>
        <Suspense fallback={<p className="muted">{t('loadingQueue')}</p>}>
          <QueueSummaryCard />
        </Suspense>
      </HydrateClient>
    );
  }
  const page = await loadDashboardPage(searchParams);
  const title =
    user.regionCode && user.role === 'manager' ? t('titleRegion', { region: user.regionCode }) : t('title');
  if (!page.ok) {
    return (
      <>
        <h1>{title}</h1>
        <FilterError message={page.error} path="/" />
      </>
    );
  }
  void queryClient.prefetchQuery(trpc.dashboard.kpis.queryOptions(page.input));
  void queryClient.prefetchQuery(trpc.dashboard.series.queryOptions(page.input));
  void queryClient.prefetchQuery(trpc.dashboard.movers.queryOptions(page.input));
  void queryClient.prefetchQuery(trpc.overview.snapshot.queryOptions());
  return (
    <HydrateClient>
      <h1>{title}</h1>
      <Suspense fallback={<div className="filters muted">{t('loadingFilters')}</div>}>
        <FilterBarLoader filters={page.filters} />
      </Suspense>
      <Suspense fallback={<p className="muted">{t('loadingFigures')}</p>}>
        <KpiCards input={page.input} linkQuery={page.linkQuery} />
      </Suspense>
      <Suspense fallback={null}>
        <KpiTrendTable input={page.input} />
      </Suspense>
      <Suspense fallback={<p className="muted">{t('loadingMovers')}</p>}>
        <MoversList input={page.input} linkQuery={page.linkQuery} />
      </Suspense>
      <h2 style={{ marginTop: 20 }}>{t('rightNow')}</h2>
      <Suspense fallback={<p className="muted">{t('loadingLive')}</p>}>
        <OverviewSnapshotCards />
      </Suspense>
    </HydrateClient>
  );
}
